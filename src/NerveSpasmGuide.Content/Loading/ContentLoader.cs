using System.Collections.Concurrent;
using NerveSpasmGuide.Content.Articles;
using NerveSpasmGuide.Content.Problems;
using NerveSpasmGuide.Content.Sources;

namespace NerveSpasmGuide.Content.Loading;

/// <summary>
/// Reads a content folder into a <see cref="ContentSet"/>. A file with errors of its own (front matter, headings,
/// care cards, no citation) is left out; errors that depend on other files (a link to a missing article, an unknown
/// citation key) are reported while the page is kept, with the broken reference shown as plain text.
/// </summary>
public static class ContentLoader
{
    public static ContentSet Load(string contentRoot, TimeProvider? clock = null)
    {
        var root = Path.GetFullPath(contentRoot);
        var problems = new List<ContentProblem>();
        if (!Directory.Exists(root))
        {
            problems.Add(new ContentProblem(contentRoot, 1, 1, ProblemSeverity.Error, "the content folder does not exist"));
            return new ContentSet([], [], [], problems);
        }

        var sources = ReadOptional(root, SourceFileReader.SourcesFile, problems, SourceFileReader.ReadSources);
        var synonyms = ReadOptional(root, SourceFileReader.SynonymsFile, problems, SourceFileReader.ReadSynonyms);

        var files = new List<(ArticleKind Kind, string Path)>();
        foreach (var kind in ArticleKinds.All)
        {
            var folder = Path.Combine(root, kind.Folder());
            if (Directory.Exists(folder))
            {
                files.AddRange(Directory.EnumerateFiles(folder, "*.md").Order(StringComparer.Ordinal).Select(f => (kind, f)));
            }
        }

        foreach (var stray in Directory.EnumerateFiles(root, "*.md", SearchOption.AllDirectories)
                     .Where(f => !files.Exists(file => file.Path == f) && !IsDocumentation(root, f)))
        {
            problems.Add(new ContentProblem(Relative(root, stray), 1, 1, ProblemSeverity.Warning,
                $"not published: articles belong in one of {string.Join(", ", ArticleKinds.All.Select(k => k.Folder() + "/"))}"));
        }

        var drafts = new ConcurrentBag<ArticleDraft>();
        var sinks = new ConcurrentBag<ProblemSink>();
        Parallel.ForEach(files, file =>
        {
            var sink = new ProblemSink(Relative(root, file.Path));
            sinks.Add(sink);
            var draft = ArticleFileParser.Parse(file.Kind, Path.GetFileNameWithoutExtension(file.Path), File.ReadAllText(file.Path), sink);
            if (draft is not null && !sink.HasErrors)
            {
                drafts.Add(draft);
            }
        });

        var ordered = drafts.OrderBy(d => d.SourcePath, StringComparer.Ordinal).ToList();
        var articles = ArticleResolver.Resolve(ordered, sources, synonyms, clock ?? TimeProvider.System, problems);
        problems.AddRange(sinks.SelectMany(s => s.Problems));
        var sorted = problems
            .OrderBy(p => p.Path, StringComparer.Ordinal).ThenBy(p => p.Line).ThenBy(p => p.Column)
            .ToList();
        return new ContentSet(articles, sources, synonyms, sorted);
    }

    private static IReadOnlyList<T> ReadOptional<T>(string root, string fileName, List<ContentProblem> problems, Func<string, ProblemSink, IReadOnlyList<T>> read)
    {
        var path = Path.Combine(root, fileName);
        if (!File.Exists(path))
        {
            return [];
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
