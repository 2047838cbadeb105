using NerveSpasmGuide.Content.Articles;
using NerveSpasmGuide.Content.Media;
using NerveSpasmGuide.Content.Problems;
using NerveSpasmGuide.Content.Safety;
using NerveSpasmGuide.Content.Sources;

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
        Load(contentRoot, clock, lastGoodText, render: true);

    /// <summary>
    /// Every check <see cref="Load(string, TimeProvider?, Func{string, string?}?)"/> makes, without rendering the
    /// articles' HTML (rendering reports no problems), for <c>validate</c>. The articles' <c>BodyHtml</c> is empty.
    /// </summary>
    public static ContentSet Check(string contentRoot, TimeProvider? clock = null) => Load(contentRoot, clock, null, render: false);

    private static ContentSet Load(string contentRoot, TimeProvider? clock, Func<string, string?>? lastGoodText, bool render)
    {
        var root = Path.GetFullPath(contentRoot);
        var problems = new List<ContentProblem>();
        if (!Directory.Exists(root))
        {
            problems.Add(new ContentProblem(contentRoot, 1, 1, ProblemSeverity.Error, "the content folder does not exist"));
            return new ContentSet([], [], [], [], WarningSignTable.Empty, [], problems, []);
        }

        var sources = ReadOptional(root, SourceFileReader.SourcesFile, problems, SourceFileReader.ReadSources);
        var synonyms = ReadOptional(root, SourceFileReader.SynonymsFile, problems, SourceFileReader.ReadSynonyms);
        var retired = ReadOptional(root, SourceFileReader.RetiredFile, problems, SourceFileReader.ReadRetired);
        var sourceKeys = sources.Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
        var signs = ReadOptional(root, WarningSignTable.FileName, problems,
            (yaml, sink) => WarningSignFileReader.Read(yaml, sourceKeys, sink), WarningSignTable.Empty);
        var media = MediaFolder.Read(root, problems);

        var files = new List<(ArticleKind Kind, string Path)>();
        foreach (var kind in ArticleKinds.All)
        {
            var folder = Path.Combine(root, kind.Folder());
            if (Directory.Exists(folder))
            {
                files.AddRange(Directory.EnumerateFiles(folder, "*.md").Order(StringComparer.Ordinal).Select(f => (kind, f)));
            }
        }

        var articleFiles = files.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        foreach (var stray in Directory.EnumerateFiles(root, "*.md", SearchOption.AllDirectories)
                     .Where(f => !articleFiles.Contains(f) && !IsDocumentation(root, f)))
        {
            problems.Add(new ContentProblem(Relative(root, stray), 1, 1, ProblemSeverity.Warning,
                $"not published: articles belong in one of {string.Join(", ", ArticleKinds.All.Select(k => k.Folder() + "/"))}"));
        }

        // One slot per file (not concurrent bags, whose thread-local lists outlive the import until finalized).
        var drafts = new ArticleDraft?[files.Count];
        var sinks = new ProblemSink[files.Count];
        var keptPrevious = new bool[files.Count];
        Parallel.For(0, files.Count, index =>
        {
            var file = files[index];
            var relative = Relative(root, file.Path);
            var slug = Path.GetFileNameWithoutExtension(file.Path);
            var sink = new ProblemSink(relative);
            sinks[index] = sink;
            var text = ReadText(file.Path, sink);
            var draft = text is null ? null : ArticleFileParser.Parse(file.Kind, slug, text, signs, sink);
            if (draft is not null && !sink.HasErrors)
            {
                drafts[index] = draft;
            }
            else if (lastGoodText?.Invoke(relative) is { } previousText && previousText != text &&
                     ArticleFileParser.Parse(file.Kind, slug, previousText, signs, new ProblemSink(relative)) is { } previous &&
                     !previous.Problems.HasErrors)
            {
                // Report later problems (links, citations) against this file, and say which version is live.
                drafts[index] = previous with { Problems = sink };
                keptPrevious[index] = true;
                sink.Warning(1, 1, "this file has errors, so the site keeps serving its last good version until they are fixed");
            }
        });

        var ordered = drafts.OfType<ArticleDraft>().OrderBy(d => d.SourcePath, StringComparer.Ordinal).ToList();
        var articles = ArticleResolver.Resolve(ordered, new SiteTables(sources, synonyms, retired, signs,
            media.Select(m => m.Name).ToHashSet(StringComparer.Ordinal),
            files.Select(f => $"{f.Kind.Folder()}/{Path.GetFileNameWithoutExtension(f.Path)}").ToHashSet(StringComparer.Ordinal)), clock ?? TimeProvider.System, problems, render);
        problems.AddRange(sinks.SelectMany(s => s.Problems));
        var sorted = problems
            .OrderBy(p => p.Path, StringComparer.Ordinal).ThenBy(p => p.Line).ThenBy(p => p.Column)
            .ToList();
        return new ContentSet(articles, sources, synonyms, retired, signs, media, sorted,
            [.. sinks.Where((_, i) => keptPrevious[i]).Select(s => s.Path).Order(StringComparer.Ordinal)]);
    }

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

    private static IReadOnlyList<T> ReadOptional<T>(string root, string fileName, List<ContentProblem> problems, Func<string, ProblemSink, IReadOnlyList<T>> read) =>
        ReadOptional(root, fileName, problems, read, []);

    /// <summary>A site-wide file read with its own problem sink, or <paramref name="whenMissing"/> when there is none.</summary>
    private static T ReadOptional<T>(string root, string fileName, List<ContentProblem> problems, Func<string, ProblemSink, T> read, T whenMissing)
    {
        var path = Path.Combine(root, fileName);
        if (!File.Exists(path))
        {
            return whenMissing;
        }

        var sink = new ProblemSink(fileName);
        var result = read(File.ReadAllText(path), sink);
        problems.AddRange(sink.Problems);
        return result;
    }

    private static bool IsDocumentation(string root, string path) =>
        string.Equals(Path.GetFileName(path), "README.md", StringComparison.OrdinalIgnoreCase) &&
        string.Equals(Path.GetDirectoryName(path), root, StringComparison.Ordinal);

    private static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace('\\', '/');
}
