using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Running;
using NerveSpasmGuide.Content.Articles;
using NerveSpasmGuide.Content.Loading;
using NerveSpasmGuide.Content.Problems;
using NerveSpasmGuide.Content.Readability;
using NerveSpasmGuide.Content.Safety;

namespace NerveSpasmGuide.Benchmarks;

/// <summary>The parser and renderer hot paths: one article, the whole shipped set, a handout bundle, reading grade.</summary>
[MemoryDiagnoser]
public class ContentBenchmarks
{
    private string content = "";
    private string sciatica = "";
    private string body = "";
    private Dictionary<string, (string Url, string LinkText)> links = [];
    private WarningSignTable signs = WarningSignTable.Empty;
    private HashSet<string> sourceKeys = [];

    [GlobalSetup]
    public void Setup()
    {
        content = Path.Combine(RepositoryRoot(), "content");
        sciatica = File.ReadAllText(Path.Combine(content, "causes", "sciatica.md"));
        var set = ContentLoader.Load(content);
        body = ArticleFileParser.BodyOf(set.Articles.Single(a => a.Slug == "sciatica").FileText);
        links = set.Articles.ToDictionary(a => a.Slug, a => (a.UrlPath, a.Meta.LinkText));
        signs = set.WarningSigns;
        sourceKeys = [.. set.Sources.Select(s => s.Key)];
    }

    [Benchmark]
    public ArticleDraft? ParseOneArticle() => ArticleFileParser.Parse(ArticleKind.Cause, "sciatica", sciatica, signs, new ProblemSink("causes/sciatica.md"));

    [Benchmark]
    public ContentSet LoadShippedContent() => ContentLoader.Load(content);

    [Benchmark]
    public RenderedBundle RenderThreeArticleHandout() => BundleRenderer.Render([("a", body), ("b", body), ("c", body)], links, sourceKeys, signs);

    [Benchmark]
    public double ReadingGradeOfOneArticle() => ReadingGrade.Grade(body);

    /// <summary>The folder holding NerveSpasmGuide.sln, found upwards from the benchmark's build output.</summary>
    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "NerveSpasmGuide.sln")))
        {
            directory = directory.Parent;
        }

        return directory!.FullName;
    }
}

public static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
