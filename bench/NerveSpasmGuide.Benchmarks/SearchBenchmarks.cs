using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using NerveSpasmGuide.Data.Import;
using NerveSpasmGuide.Data.Publishing;
using NerveSpasmGuide.Data.Search;

namespace NerveSpasmGuide.Benchmarks;

/// <summary>
/// One uncached English search, as the search page runs it (a new lease of the published site per search), on a store imported from the
/// shipped content or, with <c>SEARCH_CORPUS</c> set to a <c>bench/make-corpus.py</c> output folder, from that corpus.
/// </summary>
[MemoryDiagnoser]
public class SearchBenchmarks
{
    private static readonly string[] Words = ["nerve", "pain", "back", "leg", "spasm", "cramp", "sciatica", "disc", "spine", "numb",
        "tingling", "weak", "foot", "heat", "rest", "stretch", "therapy", "muscle", "root", "pressure", "sleep", "walk", "doctor", "exercise"];

    private static readonly string[] Typos = ["spasam", "tinglng", "muscel", "sciatc", "pressur", "exersise", "therpy", "strech", "balence", "treatmnt"];

    private static readonly string[] TypoWords = ["nerve", "pain", "back", "leg", "foot", "sleep", "help", "doctor"];

    private readonly SitePublisher publisher = new();
    private string folder = "";
    private int next;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var content = Environment.GetEnvironmentVariable("SEARCH_CORPUS") is { Length: > 0 } corpus
            ? Path.Combine(corpus, "content")
            : Path.Combine(ContentBenchmarks.RepositoryRoot(), "content");
        folder = Directory.CreateTempSubdirectory("search-bench").FullName;
        using var importer = new GuideImporter(new StoreLocation(content, Path.Combine(folder, "guide.db")), publisher, TimeProvider.System,
            NullLogger<GuideImporter>.Instance);
        await importer.ImportAsync(CancellationToken.None);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>Two random words of bench/search-random.lua.</summary>
    [Benchmark]
    public SearchResults TwoWords()
    {
        next++;
        return Search($"{Words[next * 7 % Words.Length]} {Words[next * 13 % Words.Length]}");
    }

    /// <summary>A misspelled word and a common one, as bench/search-typo.lua: the spelling correction runs.</summary>
    [Benchmark]
    public SearchResults Typo()
    {
        next++;
        return Search($"{Typos[next % Typos.Length]} {TypoWords[next * 3 % TypoWords.Length]}");
    }

    private SearchResults Search(string query)
    {
        using var site = new RequestSite(publisher);
        return new ArticleSearch(site).Search(query, exact: false);
    }
}
