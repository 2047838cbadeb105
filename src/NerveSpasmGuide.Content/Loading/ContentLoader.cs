using System.Security.Cryptography;
using System.Text;
using NerveSpasmGuide.Content.Articles;
using NerveSpasmGuide.Content.Media;
using NerveSpasmGuide.Content.Problems;
using NerveSpasmGuide.Content.Readability;
using NerveSpasmGuide.Content.Safety;
using NerveSpasmGuide.Content.Sources;
using NerveSpasmGuide.Content.Translations;

namespace NerveSpasmGuide.Content.Loading;

/// <summary>
/// Reads a content folder into a <see cref="ContentSet"/>. A file with errors of its own (front matter, headings,
/// care cards, no citation) is left out; errors that depend on other files (a link to a missing article, an unknown
/// citation key) are reported while the page is kept, with the broken reference shown as plain text.
/// </summary>
public static class ContentLoader
{
    /// <param name="contentRoot">The content folder.</param>
    /// <param name="clock">Today's date, for review warnings.</param>
    /// <param name="lastGoodText">When given, asked for the last good text of a file that now has errors (by its path
    /// under the content folder); that version is published instead, so a broken save never takes a page down.</param>
    public static ContentSet Load(string contentRoot, TimeProvider? clock = null, Func<string, string?>? lastGoodText = null) =>
        Read(contentRoot, clock ?? TimeProvider.System, lastGoodText, previous: null, render: true).Content;

    /// <summary>
    /// Every check <see cref="Load(string, TimeProvider?, Func{string, string?}?)"/> makes, without rendering the
    /// articles' HTML (rendering reports no problems), for <c>validate</c>. The articles' <c>BodyHtml</c> is empty.
    /// </summary>
    public static ContentSet Check(string contentRoot, TimeProvider? clock = null) =>
        Read(contentRoot, clock ?? TimeProvider.System, null, previous: null, render: false).Content;

    /// <summary>
    /// Reads the folder as <see cref="Load(string, TimeProvider?, Func{string, string?}?)"/> does, but given the state
    /// the previous import left, parses only the files that changed and resolves and renders only the pages that
    /// depend on them. A changed file besides the articles (sources, synonyms, retired slugs, warning signs, plain words, media) or
    /// a new day reads everything again, as does a null <paramref name="previous"/>.
    /// </summary>
    /// <param name="lastGoodText">As for Load; it must answer from the store the previous import wrote.</param>
    /// <param name="changedPaths">
    /// When given with <paramref name="previous"/>: every file (full path) created, written, deleted or renamed (both
    /// names) since the previous import's scan, as a file-system watcher reports them. The article files are then not
    /// listed or stamped again: those named are read, the others are taken as the previous import left them (but for
    /// any written within <see cref="ContentState.RacyWindow"/> of its scan, which are stamped as usual). A path that
    /// may be a folder (no extension) or lies outside the content folder reads the folder as without it. Null: list
    /// and stamp every file.
    /// </param>
    /// <param name="sink">
    /// When given, and the whole folder is read (no <paramref name="previous"/>), takes each rendered article as it is
    /// ready; the update's <see cref="ContentSet.Articles"/> is then empty. Pages depending on a change (an incremental
    /// read) are few and come back in <see cref="ContentSet.Articles"/> as usual.
    /// </param>
    public static ContentUpdate Import(
        string contentRoot, TimeProvider clock, Func<string, string?>? lastGoodText, ContentState? previous, IReadOnlyCollection<string>? changedPaths = null,
        IRenderedArticleSink? sink = null) =>
        Read(contentRoot, clock, lastGoodText, previous, render: true, changedPaths, previous is null ? sink : null);

    private static ContentUpdate Read(
        string contentRoot, TimeProvider clock, Func<string, string?>? lastGoodText, ContentState? previous, bool render, IReadOnlyCollection<string>? changedPaths = null,
        IRenderedArticleSink? sink = null)
    {
        var root = Path.GetFullPath(contentRoot);
        var problems = new List<ContentProblem>();
        if (!Directory.Exists(root))
        {
            problems.Add(new ContentProblem(contentRoot, 1, 1, ProblemSeverity.Error, "the content folder does not exist"));
            return new ContentUpdate(new ContentSet([], [], [], [], WarningSignTable.Empty, [], problems, [], []), false, [], new ContentTotals(0, 0, 0, 0), null);
        }

        // Compared with the files' write times, so the file system's clock rather than the injected one.
        var scanStarted = DateTime.UtcNow;
        var phase = clock.GetTimestamp();
        double Lap()
        {
            var now = clock.GetTimestamp();
            var elapsed = clock.GetElapsedTime(phase, now).TotalMilliseconds;
            phase = now;
            return elapsed;
        }

        var fingerprint = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var sources = ReadOptional(root, SourceFileReader.SourcesFile, problems, fingerprint, SourceFileReader.ReadSources);
        var synonyms = ReadOptional(root, SourceFileReader.SynonymsFile, problems, fingerprint, SourceFileReader.ReadSynonyms);
        var retired = ReadOptional(root, SourceFileReader.RetiredFile, problems, fingerprint, SourceFileReader.ReadRetired);
        var sourceKeys = sources.Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
        var signs = ReadOptional(root, WarningSignTable.FileName, problems, fingerprint,
            (yaml, sink) => WarningSignFileReader.Read(yaml, sourceKeys, sink), WarningSignTable.Empty);
        var plainWords = ReadOptional(root, PlainWords.FileName, problems, fingerprint, PlainWords.Read);
        var media = MediaFolder.Read(root, problems);
        foreach (var item in media.Select(m => m.Name + "\0" + m.Text).Concat(problems.Select(p => p.ToString())))
        {
            fingerprint.AppendData(Encoding.UTF8.GetBytes(item + "\0"));
        }

        var siteFingerprint = Convert.ToHexString(fingerprint.GetHashAndReset());
        var siteFilesMs = Lap();
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (previous is not null && (previous.SiteFingerprint != siteFingerprint || previous.Today != today))
        {
            previous = null;
        }

        var spanishFolder = Path.Combine(root, SpanishReader.Folder) + Path.DirectorySeparatorChar;
        var changed = previous is null ? null : Changed(root, changedPaths);
        var (files, strays) = changed is null ? ListFiles(root, spanishFolder) : UpdateFileList(root, spanishFolder, previous!, changed);
        files.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path)); // path order decides who keeps a contested slug
        foreach (var stray in strays)
        {
            problems.Add(new ContentProblem(Relative(root, stray), 1, 1, ProblemSeverity.Warning,
                $"not published: articles belong in one of {string.Join(", ", ArticleKinds.All.Select(k => k.Folder() + "/"))}"));
        }

        // One slot per file (not concurrent bags, whose thread-local lists outlive the import until finalized).
        var entries = new FileEntry[files.Count];

        // The text of each file parsed in this read, for resolving: its tree is made again then, one page at a time,
        // rather than kept from here, as every page's tree at once is most of an import's memory.
        var texts = new string?[files.Count];
        Parallel.For(0, files.Count, index =>
        {
            var (kind, path) = files[index];
            var relative = Relative(root, path);
            var old = previous?.Files.GetValueOrDefault(relative);

            // A file kept at its last good version is read again each time, so that it meets the previous store as a full import would.
            var reusable = old is { KeptPrevious: false } && old.Kind == kind;
            var settled = reusable && old!.Stamp.LastWriteUtc < previous!.ScanStartedUtc - ContentState.RacyWindow;
            if (settled && changed is not null && !changed.Contains(path))
            {
                // The watcher saw no change to it since the previous scan, whose stamp it had then.
                entries[index] = old!;
                return;
            }

            var info = new FileInfo(path);
            var size = info.Exists ? info.Length : -1;
            var written = info.Exists ? info.LastWriteTimeUtc : default;
            if (settled && changed is null && old!.Stamp.Size == size && old.Stamp.LastWriteUtc == written)
            {
                entries[index] = old;
                return;
            }

            var sink = new ProblemSink(relative);
            var text = ReadText(path, sink);
            var stamp = new FileStamp(size, written, text is null ? "" : Hash(text));
            if (reusable && text is not null && old!.Stamp.Hash == stamp.Hash)
            {
                entries[index] = old with { Stamp = stamp };
                return;
            }

            (entries[index], var draft) = Parse(kind, relative, text, stamp, sink, signs, lastGoodText);
            texts[index] = draft is null ? null : text;
        });

        var stampsMs = Lap();
        var (owners, claimProblems) = ArticleResolver.ClaimSlugs([.. entries.Where(e => e.Outline is not null)]);
        var incremental = previous is not null;
        var changedSlugs = incremental ? ChangedSlugs(previous!.Owners, owners) : [];
        var slugsAddedOrRemoved = incremental && (previous!.Owners.Count != owners.Count || previous.Owners.Keys.Any(k => !owners.ContainsKey(k)));
        var toResolve = new List<int>();
        for (var i = 0; i < entries.Length; i++)
        {
            var entry = entries[i];
            if (!owners.TryGetValue(entry.Slug, out var owner) || owner.SourcePath != entry.SourcePath)
            {
                entries[i] = entry with { Resolved = null };
            }
            else if (!incremental || texts[i] is not null || entry.Resolved is null || entry.Outline!.Targets.Overlaps(changedSlugs) ||
                     (slugsAddedOrRemoved && entry.Resolved.HasUnresolvedLinks))
            {
                toResolve.Add(i);
            }
        }

        // Pages that depend on a change but did not change themselves are read again: trees are not kept between imports.
        var unchanged = toResolve.Where(i => texts[i] is null).ToList();
        var stillSame = true;
        Parallel.ForEach(unchanged, i =>
        {
            var entry = entries[i];
            var sink = new ProblemSink(entry.SourcePath);
            var text = ReadText(Path.Combine(root, entry.SourcePath), sink);
            if (text is null || Hash(text) != entry.Stamp.Hash)
            {
                stillSame = false;
                return;
            }

            texts[i] = text;
        });

        if (!stillSame)
        {
            // A file changed again while this import read it: start over and read everything.
            return Read(contentRoot, clock, lastGoodText, previous: null, render);
        }

        var dependentsMs = Lap();
        var tables = new SiteTables(sources, synonyms, retired, signs, media.Select(m => m.Name).ToHashSet(StringComparer.Ordinal),
            files.Select(f => $"{f.Kind.Folder()}/{Path.GetFileNameWithoutExtension(f.Path)}").ToHashSet(StringComparer.Ordinal), plainWords);
        var articles = sink is null ? new Article[toResolve.Count] : [];
        sink?.Start([.. toResolve.Select(i => entries[i].Slug)]);
        ArticleDraft DraftOf(int n)
        {
            var entry = entries[toResolve[n]];
            var text = Interlocked.Exchange(ref texts[toResolve[n]], null)!;

            // The same text parsed the same way: its problems were taken the first time.
            return ParseDraft(entry.Kind, entry.SourcePath, text, new ProblemSink(entry.SourcePath), signs, lastGoodText).Draft
                ?? throw new InvalidOperationException($"{entry.SourcePath} parsed differently the second time");
        }

        var resolved = ArticleResolver.Resolve(toResolve.Count, DraftOf, owners, tables, today, render,
            sink is null ? (index, article) => articles[index] = article : (_, article) => sink.Add(article));
        for (var n = 0; n < toResolve.Count; n++)
        {
            var entry = entries[toResolve[n]];
            entries[toResolve[n]] = entry with { Resolved = resolved[n].SharingNames(entry.Outline!.Targets) };
        }

        var resolveMs = Lap();
        var citedInSpanish = new HashSet<string>(StringComparer.Ordinal);
        var spanish = SpanishReader.Read(root, entries.ToDictionary(e => e.SourcePath, e => e.Stamp.Hash, StringComparer.Ordinal), owners, tables, render, problems, citedInSpanish);
        var spanishMs = Lap();
        var pageProblems = ArticleResolver.ReportSite(entries, owners, tables, problems, citedInSpanish);
        foreach (var entry in entries)
        {
            problems.AddRange(entry.ParseProblems);
            problems.AddRange(claimProblems.GetValueOrDefault(entry.SourcePath) ?? []);
            problems.AddRange(entry.Resolved?.Problems ?? []);
            problems.AddRange(pageProblems.GetValueOrDefault(entry.SourcePath) ?? []);
        }

        var sorted = problems
            .OrderBy(p => p.Path, StringComparer.Ordinal).ThenBy(p => p.Line).ThenBy(p => p.Column)
            .ToList();
        var published = entries.Where(e => e.Resolved is not null).ToList();
        var drafted = published.Count(e => e.Outline!.Meta.Draft);
        var totals = new ContentTotals(published.Count - drafted, drafted, published.Sum(e => e.Resolved!.Links.Count), published.Sum(e => e.Resolved!.CitedSourceKeys.Count));
        var content = new ContentSet(articles, sources, synonyms, retired, signs, media, sorted,
            [.. entries.Where(e => e.KeptPrevious).Select(e => e.SourcePath)], [.. entries.Where(e => e.Resolved is null).Select(e => e.SourcePath)])
        {
            Spanish = spanish,
        };
        var removed = incremental ? previous!.Owners.Keys.Where(k => !owners.ContainsKey(k)).ToList() : [];
        var state = new ContentState(siteFingerprint, today, scanStarted, entries.ToDictionary(e => e.SourcePath, StringComparer.Ordinal), owners, strays);
        return new ContentUpdate(content, incremental, removed, totals, state)
        {
            Rendered = toResolve.Count,
            Timings = new ReadTimings(siteFilesMs, stampsMs, dependentsMs, resolveMs, spanishMs, Lap()),
        };
    }

    /// <summary>Every article file (by kind) and every other .md file that is neither documentation nor Spanish (a stray).</summary>
    private static (List<(ArticleKind Kind, string Path)> Files, HashSet<string> Strays) ListFiles(string root, string spanishFolder)
    {
        var files = new List<(ArticleKind Kind, string Path)>();
        foreach (var kind in ArticleKinds.All)
        {
            var folder = Path.Combine(root, kind.Folder());
            if (Directory.Exists(folder))
            {
                files.AddRange(Directory.EnumerateFiles(folder, "*.md").Select(f => (kind, f)));
            }
        }

        var articleFiles = files.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        var strays = Directory.EnumerateFiles(root, "*.md", SearchOption.AllDirectories)
            .Where(f => !articleFiles.Contains(f) && IsStray(root, spanishFolder, f)).ToHashSet(StringComparer.Ordinal);
        return (files, strays);
    }

    /// <summary>
    /// The lists <see cref="ListFiles"/> would make, from the previous import's and the paths changed since: each
    /// changed .md path joins the list it belongs to while the file exists and leaves it when it does not.
    /// </summary>
    private static (List<(ArticleKind Kind, string Path)> Files, HashSet<string> Strays) UpdateFileList(
        string root, string spanishFolder, ContentState previous, IReadOnlySet<string> changed)
    {
        var files = previous.Files.Values.ToDictionary(e => FullPath(root, e.SourcePath), e => e.Kind, StringComparer.Ordinal);
        var strays = previous.Strays.ToHashSet(StringComparer.Ordinal);
        foreach (var path in changed.Where(p => p.EndsWith(".md", FileNameComparison)))
        {
            var exists = File.Exists(path);
            var folder = Path.GetDirectoryName(path);
            var kind = ArticleKinds.All.Where(k => string.Equals(folder, Path.Combine(root, k.Folder()), FileNameComparison)).Cast<ArticleKind?>().FirstOrDefault();
            if (kind is { } articleKind)
            {
                _ = exists ? files.TryAdd(path, articleKind) : files.Remove(path);
            }
            else if (IsStray(root, spanishFolder, path))
            {
                _ = exists ? strays.Add(path) : strays.Remove(path);
            }
        }

        return ([.. files.Select(f => (f.Value, f.Key))], strays);
    }

    /// <summary>The changed paths under <paramref name="root"/>, or null when they cannot stand in for a scan (null, or a folder's name among them).</summary>
    private static HashSet<string>? Changed(string root, IReadOnlyCollection<string>? changedPaths)
    {
        if (changedPaths is null)
        {
            return null;
        }

        var changed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in changedPaths.Select(Path.GetFullPath))
        {
            var relative = Path.GetRelativePath(root, path);
            if (relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) || !Path.HasExtension(path))
            {
                // A folder created, deleted or renamed says nothing of the files in it: list them all.
                return null;
            }

            changed.Add(path);
        }

        return changed;
    }

    /// <summary>How the file system compares names, as <see cref="Directory.EnumerateFiles(string, string)"/> matches them.</summary>
    private static StringComparison FileNameComparison => OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    private static bool IsStray(string root, string spanishFolder, string path) =>
        !IsDocumentation(root, path) && !path.StartsWith(spanishFolder, StringComparison.Ordinal);

    private static string FullPath(string root, string relative) => Path.Combine(root, relative.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>Parses one article file; if it has errors of its own, its last good version stands in for it.</summary>
    private static (FileEntry Entry, ArticleDraft? Draft) Parse(
        ArticleKind kind, string relative, string? text, FileStamp stamp, ProblemSink sink, WarningSignTable signs, Func<string, string?>? lastGoodText)
    {
        var (draft, kept) = ParseDraft(kind, relative, text, sink, signs, lastGoodText);
        var outline = draft is null ? null : ArticleOutline.Of(draft);
        return (new FileEntry(relative, kind, Path.GetFileNameWithoutExtension(relative), stamp, outline, [.. sink.Problems], kept, Resolved: null), draft);
    }

    /// <returns>The draft to publish (null if none) and whether it is the last good version, standing in for a file with errors.</returns>
    private static (ArticleDraft? Draft, bool KeptPrevious) ParseDraft(
        ArticleKind kind, string relative, string? text, ProblemSink sink, WarningSignTable signs, Func<string, string?>? lastGoodText)
    {
        var slug = Path.GetFileNameWithoutExtension(relative);
        var draft = text is null ? null : ArticleFileParser.Parse(kind, slug, text, signs, sink);
        var kept = false;
        if (draft is null || sink.HasErrors)
        {
            draft = null;
            if (lastGoodText?.Invoke(relative) is { } previousText && previousText != text &&
                ArticleFileParser.Parse(kind, slug, previousText, signs, new ProblemSink(relative)) is { } previous &&
                !previous.Problems.HasErrors)
            {
                // Report later problems (links, citations) against this file, and say which version is live.
                draft = previous with { Problems = sink };
                kept = true;
                sink.Warning(1, 1, "this file has errors, so the site keeps serving its last good version until they are fixed");
            }
        }

        return (draft, kept);
    }

    /// <summary>Slugs that appeared, disappeared or changed what a page linking to them shows.</summary>
    private static HashSet<string> ChangedSlugs(IReadOnlyDictionary<string, SlugOwner> before, Dictionary<string, SlugOwner> after)
    {
        var changed = before.Keys.Where(k => !after.ContainsKey(k)).ToHashSet(StringComparer.Ordinal);
        foreach (var (slug, owner) in after)
        {
            if (!before.TryGetValue(slug, out var old) || old != owner)
            {
                changed.Add(slug);
            }
        }

        return changed;
    }

    private static string Hash(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static string? ReadText(string path, ProblemSink sink)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (IOException ex)
        {
            // A file being saved or deleted right now; the watcher will trigger another import.
            sink.Error(1, 1, $"could not read the file: {ex.Message}");
            return null;
        }
    }

    private static IReadOnlyList<T> ReadOptional<T>(
        string root, string fileName, List<ContentProblem> problems, IncrementalHash fingerprint, Func<string, ProblemSink, IReadOnlyList<T>> read) =>
        ReadOptional(root, fileName, problems, fingerprint, read, []);

    /// <summary>A site-wide file read with its own problem sink, or <paramref name="whenMissing"/> when there is none.</summary>
    /// <param name="fingerprint">Gains the file's name and text, so the next import can tell whether it changed.</param>
    private static T ReadOptional<T>(string root, string fileName, List<ContentProblem> problems, IncrementalHash fingerprint, Func<string, ProblemSink, T> read, T whenMissing)
    {
        var path = Path.Combine(root, fileName);
        fingerprint.AppendData(Encoding.UTF8.GetBytes(fileName + "\0"));
        if (!File.Exists(path))
        {
            return whenMissing;
        }

        var text = File.ReadAllText(path);
        fingerprint.AppendData(Encoding.UTF8.GetBytes(text + "\0"));
        var sink = new ProblemSink(fileName);
        var result = read(text, sink);
        problems.AddRange(sink.Problems);
        return result;
    }

    private static bool IsDocumentation(string root, string path) =>
        string.Equals(Path.GetFileName(path), "README.md", StringComparison.OrdinalIgnoreCase) &&
        string.Equals(Path.GetDirectoryName(path), root, StringComparison.Ordinal);

    private static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace('\\', '/');
}
