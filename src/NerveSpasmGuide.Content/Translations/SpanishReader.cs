using System.Security.Cryptography;
using System.Text;
using Markdig.Syntax;
using NerveSpasmGuide.Content.Articles;
using NerveSpasmGuide.Content.Loading;
using NerveSpasmGuide.Content.Markdown;
using NerveSpasmGuide.Content.Media;
using NerveSpasmGuide.Content.Problems;
using NerveSpasmGuide.Content.Safety;
using NerveSpasmGuide.Content.Sources;
using NerveSpasmGuide.Content.Yaml;
using YamlDotNet.RepresentationModel;

namespace NerveSpasmGuide.Content.Translations;

/// <summary>
/// Reads <c>content/es/</c>: <c>{kind}/{slug}.md</c> translations of the English articles, <c>warning-signs.yaml</c>
/// (the table's words in Spanish; levels and sources stay the English table's) and <c>synonyms.yaml</c>.
/// A translation must keep its English file's markup: the same links, citations, care cards, pictures and number of
/// headings, so no translated page can drop a warning sign or a source. One whose English file changed since
/// <c>translation_of</c> is published but reported as stale; one with errors of its own is left out (the English
/// page stays). Spanish pages are read in full at every import: they are few next to the English ones.
/// </summary>
internal static class SpanishReader
{
    public const string Folder = SpanishPaths.ContentFolder;
    public const double FairlyEasy = 70;
    private static readonly string[] FrontMatterKeys = ["title", "summary", "also_called", "translation_of", "further_reading"];
    private static readonly string[] SignFileKeys = ["translation_of", "signs"];
    private static readonly string[] SignKeys = ["id", "group", "text"];

    /// <param name="englishFiles">Every English article file's path (under the content folder) and the hash of its text.</param>
    /// <param name="owners">Who owns each English slug.</param>
    public static SpanishEdition Read(
        string root, IReadOnlyDictionary<string, string> englishFiles, IReadOnlyDictionary<string, SlugOwner> owners, SiteTables tables,
        bool render, List<ContentProblem> problems, HashSet<string> citedKeys)
    {
        var folder = Path.Combine(root, Folder);
        if (!Directory.Exists(folder))
        {
            return SpanishEdition.Empty;
        }

        var signs = ReadSigns(root, tables.WarningSigns, problems);
        var synonyms = ReadSynonyms(root, owners, problems);
        var media = ReadMedia(root, tables.Media, problems);
        var pictures = media.Select(m => m.Name).ToHashSet(StringComparer.Ordinal);
        var sourceKeys = tables.Sources.Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
        var files = new List<(ArticleKind Kind, string Path)>();
        foreach (var kind in ArticleKinds.All)
        {
            var kindFolder = Path.Combine(folder, kind.Folder());
            if (Directory.Exists(kindFolder))
            {
                files.AddRange(Directory.EnumerateFiles(kindFolder, "*.md").Order(StringComparer.Ordinal).Select(f => (kind, f)));
            }
        }

        var known = files.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        foreach (var stray in Directory.EnumerateFiles(folder, "*.md", SearchOption.AllDirectories).Where(f => !known.Contains(f)))
        {
            problems.Add(new ContentProblem(Relative(root, stray), 1, 1, ProblemSeverity.Warning,
                $"not published: Spanish pages belong in {Folder}/{{kind}}/ with the English page's file name"));
        }

        // The Spanish title of each page whose front matter reads, so links can point at it.
        var titles = new Dictionary<string, string>(StringComparer.Ordinal);
        var read = new List<(ArticleKind Kind, string Path, string Text, ProblemSink Sink, SpanishMeta Meta)>();
        foreach (var (kind, path) in files)
        {
            var relative = Relative(root, path);
            var sink = new ProblemSink(relative);
            var text = Normalize(File.ReadAllText(path));
            if (ReadMeta(text, sink, sourceKeys) is { } meta)
            {
                read.Add((kind, path, text, sink, meta));
                titles[Path.GetFileNameWithoutExtension(path)] = meta.Title;
            }
            else
            {
                problems.AddRange(sink.Problems);
            }
        }

        var articles = new List<SpanishArticle>();
        foreach (var (kind, path, text, sink, meta) in read)
        {
            var slug = Path.GetFileNameWithoutExtension(path);
            var englishPath = $"{kind.Folder()}/{slug}.md";
            if (!englishFiles.TryGetValue(englishPath, out var englishHash) || !owners.TryGetValue(slug, out var owner) || owner.SourcePath != englishPath)
            {
                sink.Error(1, 1, $"there is no English article {englishPath} for this page to translate: a Spanish page has the English page's kind and file name");
                problems.AddRange(sink.Problems);
                continue;
            }

            if (owner.Draft)
            {
                // Not public in English, so not in Spanish either; published with its English page.
                continue;
            }

            var stale = englishHash.Length < 16 || !englishHash.StartsWith(meta.TranslationOf, StringComparison.OrdinalIgnoreCase);
            if (stale)
            {
                sink.Warning(meta.TranslationOfLine, 1,
                    $"stale translation: {englishPath} has changed since this page was translated (translation_of {meta.TranslationOf}, now {englishHash.PadRight(16)[..16].ToLowerInvariant()}); " +
                    "translate the changes, then set translation_of to the new value");
            }

            var article = Resolve(kind, slug, englishPath, text, meta, stale, Normalize(File.ReadAllText(Path.Combine(root, englishPath))),
                signs, titles, owners, tables, pictures, sourceKeys, render, sink);
            problems.AddRange(sink.Problems);
            if (article is not null && !sink.HasErrors)
            {
                articles.Add(article);
                citedKeys.UnionWith(article.CitedSourceKeys);
                citedKeys.UnionWith(article.FurtherReading);
            }
        }

        return new SpanishEdition(articles, synonyms, signs, media);
    }

    private sealed record SpanishMeta(string Title, string Summary, IReadOnlyList<string> AlsoCalled, string TranslationOf, int TranslationOfLine, IReadOnlyList<string> FurtherReading, int BodyStart, int BodyLineOffset);

    private static SpanishMeta? ReadMeta(string text, ProblemSink sink, HashSet<string> sourceKeys)
    {
        if (!text.StartsWith("---\n", StringComparison.Ordinal) || text.IndexOf("\n---\n", 3, StringComparison.Ordinal) is var close && close < 0)
        {
            sink.Error(1, 1, "the file must start with YAML front matter between two '---' lines");
            return null;
        }

        var before = sink.Problems.Count;
        var fields = YamlFields.For(YamlDocumentReader.Read(text[4..(close + 1)], sink, 1), FrontMatterKeys, sink, 1, "front matter");
        if (fields is null)
        {
            return null;
        }

        var title = fields.Text("title", required: true);
        var summary = fields.Text("summary", required: true);
        var translationOf = fields.Text("translation_of", required: true);
        if (translationOf is not null && !IsHashPrefix(translationOf))
        {
            sink.Error(fields.LineOf("translation_of"), 1,
                "translation_of is the first 16 hex characters of the English file's SHA-256 (sha256sum content/{kind}/{slug}.md | cut -c1-16)");
        }

        var furtherReading = new List<string>();
        foreach (var (key, line, column) in fields.TextList("further_reading"))
        {
            if (sourceKeys.Contains(key))
            {
                furtherReading.Add(key);
            }
            else
            {
                sink.Error(line, column, $"further_reading '{key}' is not in sources.yaml");
            }
        }

        var bodyStart = close + 5;
        return sink.Problems.Count > before || title is null || summary is null || translationOf is null
            ? null
            : new SpanishMeta(title, summary, [.. fields.TextList("also_called").Select(i => i.Value)], translationOf, fields.LineOf("translation_of"),
                furtherReading, bodyStart, text.AsSpan(0, Math.Min(bodyStart, text.Length)).Count('\n'));
    }

    private static SpanishArticle? Resolve(
        ArticleKind kind, string slug, string englishPath, string text, SpanishMeta meta, bool stale, string englishText, WarningSignTable signs,
        Dictionary<string, string> titles, IReadOnlyDictionary<string, SlugOwner> owners, SiteTables tables, IReadOnlySet<string> pictures,
        HashSet<string> sourceKeys, bool render, ProblemSink sink)
    {
        var offset = meta.BodyLineOffset;
        var body = text[Math.Min(meta.BodyStart, text.Length)..];
        MarkdownDocument document;
        try
        {
            document = GuideMarkdown.Parse(body);
        }
        catch (ArgumentException ex)
        {
            sink.Error(offset + 1, 1, $"the Markdown could not be read: {ex.Message}");
            return null;
        }

        var nodes = DocumentNodes.Of(document);
        CheckMarkupMatches(nodes, MarkupOf(englishText), englishPath, offset, sink);
        if (sink.HasErrors)
        {
            return null;
        }

        if (nodes.Containers.Count > 0)
        {
            CareCards.Expand(nodes.Containers, signs, offset, sink, level => level.Spanish);
            nodes = DocumentNodes.Of(document);
        }

        foreach (var link in nodes.WikiLinks)
        {
            if (!owners.TryGetValue(link.Target, out var target) || target.Draft)
            {
                // The English page reports the same broken link; the markup check makes the two link the same pages.
                sink.Error(link.Line + offset + 1, link.Column + 1, $"unresolved link [[{link.Target}]]: no published article has that slug");
            }
            else if (titles.TryGetValue(link.Target, out var title))
            {
                ArticleResolver.Point(link, SpanishPaths.Article(target.Kind, link.Target), SpanishPaths.LinkText(title));
            }
            else
            {
                sink.Warning(link.Line + offset + 1, link.Column + 1, $"[[{link.Target}]] has no Spanish page yet, so this link opens the English page");
                ArticleResolver.Point(link, target.Kind.UrlPath(link.Target), target.LinkText);
                link.Text += SpanishPaths.EnglishPageNote;
            }
        }

        var order = new CitationOrder();
        ArticleResolver.NumberCitations(nodes, order, sourceKeys, (citation, key) =>
            sink.Error(citation.Line + offset + 1, citation.Column + 1, $"unknown citation key '@{key}': it is not in sources.yaml"));
        ArticleResolver.MakeLinksSafe(nodes, offset, sink, tables.Media);
        foreach (var picture in ArticleResolver.PointTranslatedPictures(nodes, pictures, SpanishPaths.Media))
        {
            sink.Warning(picture.Line + offset + 1, picture.Column + 1,
                $"the drawing {picture.Url} has English labels on this Spanish page: add a copy with Spanish labels as {Folder}/{MediaFolder.Folder}/{picture.Url![(MediaFolder.UrlPath("").Length)..]}");
        }

        var units = ArticleResolver.TextUnits(nodes);
        var ease = SpanishReadability.Measure(units);
        if (ease.Words > 0 && ease.Ease < FairlyEasy)
        {
            sink.Warning(offset + 1, 1, $"reading ease {ease.Ease:0.0} (Fernández-Huerta) is below {FairlyEasy:0}, \"fairly easy\": use shorter sentences and common words");
        }

        return new SpanishArticle(kind, slug, sink.Path, englishPath, meta.Title, meta.Summary, meta.AlsoCalled,
            render ? GuideMarkdown.Render(document) : "", body, string.Join('\n', units), ArticleResolver.TableOfContents(nodes),
            order.Keys, order.Uses, meta.FurtherReading, [.. nodes.Containers.Select(c => c.Info ?? "").Distinct()], stale, ease.Ease, ease.Words);
    }

    /// <summary>What a translation must keep: link targets, citation keys, care-card lines, pictures and the number of headings.</summary>
    private sealed record Markup(HashSet<string> Links, HashSet<string> Citations, List<string> Cards, HashSet<string> Pictures, int Headings);

    private static Markup MarkupOf(string englishText)
    {
        var close = englishText.IndexOf("\n---\n", 3, StringComparison.Ordinal);
        var nodes = DocumentNodes.Of(GuideMarkdown.Parse(close < 0 ? englishText : englishText[(close + 5)..]));
        return MarkupOf(nodes);
    }

    private static Markup MarkupOf(DocumentNodes nodes) => new(
        nodes.WikiLinks.Select(l => l.Target).ToHashSet(StringComparer.Ordinal),
        nodes.Citations.SelectMany(c => c.Keys).ToHashSet(StringComparer.Ordinal),
        [.. nodes.Containers.Select(c => $"::: {c.Info} {c.Arguments}".TrimEnd())],
        nodes.Links.Where(l => l.IsImage).Select(l => l.Url ?? "").ToHashSet(StringComparer.Ordinal),
        nodes.Headings.Count);

    private static void CheckMarkupMatches(DocumentNodes nodes, Markup english, string englishPath, int offset, ProblemSink sink)
    {
        var spanish = MarkupOf(nodes);
        void Compare(string what, IEnumerable<string> ours, IEnumerable<string> theirs)
        {
            var missing = theirs.Except(ours, StringComparer.Ordinal).ToList();
            var extra = ours.Except(theirs, StringComparer.Ordinal).ToList();
            if (missing.Count > 0 || extra.Count > 0)
            {
                sink.Error(offset + 1, 1, $"the translation's {what} differ from {englishPath}'s" +
                    (missing.Count > 0 ? $"; missing: {string.Join(", ", missing)}" : "") + (extra.Count > 0 ? $"; not in the English: {string.Join(", ", extra)}" : ""));
            }
        }

        Compare("links", spanish.Links, english.Links);
        Compare("citations", spanish.Citations, english.Citations);
        Compare("pictures", spanish.Pictures, english.Pictures);
        if (!spanish.Cards.SequenceEqual(english.Cards, StringComparer.Ordinal))
        {
            sink.Error(offset + 1, 1, $"the translation's care cards must be {englishPath}'s, in the same order: {string.Join(" | ", english.Cards)}");
        }

        if (spanish.Headings != english.Headings)
        {
            sink.Error(offset + 1, 1, $"the translation has {spanish.Headings} headings and {englishPath} has {english.Headings}: translate every section, add none");
        }
    }

    /// <summary>
    /// The English table with each sign's group and text in Spanish. A sign without Spanish words keeps none: a card
    /// that lists it is an error, so no Spanish page shows an English sentence or leaves a sign out.
    /// </summary>
    /// <summary>The drawings with Spanish labels: each must be checked as safe like the English ones, and have an English drawing of the same name.</summary>
    private static IReadOnlyList<MediaFile> ReadMedia(string root, IReadOnlySet<string> english, List<ContentProblem> problems)
    {
        var media = MediaFolder.Read(Path.Combine(root, Folder), problems, Folder + "/");
        foreach (var stray in media.Where(m => !english.Contains(m.Name)))
        {
            problems.Add(new ContentProblem($"{Folder}/{MediaFolder.Folder}/{stray.Name}", 1, 1, ProblemSeverity.Warning,
                $"not used: there is no English drawing {MediaFolder.Folder}/{stray.Name} for this one to translate"));
        }

        return [.. media.Where(m => english.Contains(m.Name))];
    }

    private static WarningSignTable ReadSigns(string root, WarningSignTable english, List<ContentProblem> problems)
    {
        var fileName = $"{Folder}/{WarningSignTable.FileName}";
        var path = Path.Combine(root, Folder, WarningSignTable.FileName);
        var sink = new ProblemSink(fileName);
        var words = new Dictionary<string, (string Group, string Text)>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            sink.Error(1, 1, $"the Spanish warning-sign table is missing: every Spanish care card is written from it");
        }
        else if (YamlFields.For(YamlDocumentReader.Read(Normalize(File.ReadAllText(path)), sink), SignFileKeys, sink, 0, fileName) is { } file)
        {
            var translationOf = file.Text("translation_of", required: true);
            var englishHash = Hash(Normalize(File.ReadAllText(Path.Combine(root, WarningSignTable.FileName))));
            if (translationOf is not null && !englishHash.StartsWith(translationOf, StringComparison.OrdinalIgnoreCase))
            {
                sink.Warning(file.LineOf("translation_of"), 1, $"stale translation: {WarningSignTable.FileName} has changed since this table was translated; translate the changes, then set translation_of to {englishHash[..16].ToLowerInvariant()}");
            }

            foreach (var entry in (file.Node("signs") as YamlSequenceNode)?.Children ?? [])
            {
                if (YamlFields.For(entry, SignKeys, sink, 0, "a warning sign") is not { } fields ||
                    fields.Text("id", required: true) is not { } id || fields.Text("group", required: true) is not { } group || fields.Text("text", required: true) is not { } text)
                {
                    continue;
                }

                if (english.Signs.All(s => s.Id != id))
                {
                    sink.Error(fields.LineOf("id"), 1, $"'{id}' is not a sign of {WarningSignTable.FileName}");
                }
                else if (!words.TryAdd(id, (group, text)))
                {
                    sink.Error(fields.LineOf("id"), 1, $"'{id}' is translated twice");
                }
            }

            foreach (var sign in english.Signs.Where(s => !words.ContainsKey(s.Id)))
            {
                sink.Error(1, 1, $"sign '{sign.Id}' has no Spanish text: every sign of {WarningSignTable.FileName} needs one");
            }
        }

        problems.AddRange(sink.Problems);
        return new WarningSignTable(
            [.. english.Signs.Where(s => words.ContainsKey(s.Id)).Select(s => s with { Group = words[s.Id].Group, Text = words[s.Id].Text })],
            english.Requirements);
    }

    private static IReadOnlyList<Synonym> ReadSynonyms(string root, IReadOnlyDictionary<string, SlugOwner> owners, List<ContentProblem> problems)
    {
        var fileName = $"{Folder}/{SourceFileReader.SynonymsFile}";
        var path = Path.Combine(root, Folder, SourceFileReader.SynonymsFile);
        if (!File.Exists(path))
        {
            return [];
        }

        var sink = new ProblemSink(fileName);
        var synonyms = SourceFileReader.ReadSynonyms(File.ReadAllText(path), sink);
        foreach (var synonym in synonyms)
        {
            foreach (var slug in synonym.Slugs.Where(s => !owners.ContainsKey(s)))
            {
                sink.Error(synonym.Line, 1, $"synonym '{synonym.Term}' points at '{slug}', which no article has");
            }
        }

        problems.AddRange(sink.Problems);
        return synonyms;
    }

    /// <summary>A linked title reads as part of the sentence: lower-case first letter, unless it starts an abbreviation (AINE).</summary>
    private static bool IsHashPrefix(string value) => value.Length == 16 && value.All(char.IsAsciiHexDigit);

    internal static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimStart('\uFEFF');

    private static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace('\\', '/');
}
