using System.Collections.Concurrent;
using NerveSpasmGuide.Content.Articles;
using NerveSpasmGuide.Content.Loading;
using NerveSpasmGuide.Content.Tests.Support;

namespace NerveSpasmGuide.Content.Tests.Loading;

public sealed class RenderedArticleSinkTests
{
    private sealed class RecordingSink : IRenderedArticleSink
    {
        public List<IReadOnlyList<string>> Starts { get; } = [];

        public ConcurrentQueue<Article> Articles { get; } = new();

        /// <summary>How many articles had arrived when Start was called (none, if it comes first).</summary>
        public int ArrivedBeforeStart { get; private set; } = -1;

        public void Start(IReadOnlyList<string> slugs)
        {
            ArrivedBeforeStart = Articles.Count;
            Starts.Add(slugs);
        }

        public void Add(Article article) => Articles.Enqueue(article);
    }

    private static TempContent Site() => new TempContent()
        .Article("treatments", "physical-therapy", "Back to [[sciatica]] [@smith2020].", title: "Physical therapy")
        .Article("causes", "sciatica", "See [[physical-therapy]] [@smith2020].\n\n::: emergency legs-weak\n:::\n", title: "Sciatica")
        .Article("guides", "heat-and-ice", "Try [[sciatica]] advice [@jones2021].", title: "Heat and ice")
        .Article("causes", "a-draft", "Not yet [@smith2020].\n\n::: urgent fever\n:::\n", "draft: true");

    [Fact]
    public void AFullReadNamesEveryPageInPathOrderThenHandsOverEachRenderedPageOnceAndKeepsNone()
    {
        using var content = Site();
        var sink = new RecordingSink();

        var update = ContentLoader.Import(content.Root, TimeProvider.System, null, previous: null, sink: sink);

        var slugs = Assert.Single(sink.Starts);
        Assert.Equal(0, sink.ArrivedBeforeStart);
        var byPath = new[] { "causes/a-draft.md", "causes/sciatica.md", "guides/heat-and-ice.md", "treatments/physical-therapy.md" };
        Assert.Equal(byPath.Select(p => Path.GetFileNameWithoutExtension(p)), slugs);
        Assert.Equal(slugs.Order(StringComparer.Ordinal), sink.Articles.Select(a => a.Slug).Order(StringComparer.Ordinal));
        Assert.Empty(update.Content.Articles);
        Assert.Equal(4, update.Rendered);
        Assert.Equal(3, update.Totals.Articles);
        Assert.Equal(1, update.Totals.Drafts);

        // The pages are the ones a read that keeps them renders.
        var kept = ContentLoader.Load(content.Root).Articles.ToDictionary(a => a.Slug);
        foreach (var article in sink.Articles)
        {
            Assert.Equal(kept[article.Slug].Html, article.Html);
            Assert.Equal(kept[article.Slug].Links, article.Links);
            Assert.Equal(kept[article.Slug].FileText, article.FileText);
        }

        Assert.Contains("href=\"/treatments/physical-therapy\"", sink.Articles.Single(a => a.Slug == "sciatica").Html, StringComparison.Ordinal);
    }

    [Fact]
    public void AnIncrementalReadRendersOnlyWhatChangedAndReturnsItWithoutTheSink()
    {
        using var content = Site();
        var first = ContentLoader.Import(content.Root, TimeProvider.System, null, previous: null, sink: new RecordingSink());
        content.Article("guides", "heat-and-ice", "Try [[sciatica]] advice, then rest [@jones2021].", title: "Heat and ice");
        var sink = new RecordingSink();

        var update = ContentLoader.Import(content.Root, TimeProvider.System, null, first.State,
            [Path.Combine(content.Root, "guides", "heat-and-ice.md")], sink);

        Assert.True(update.Incremental);
        Assert.Empty(sink.Starts);
        Assert.Empty(sink.Articles);
        var article = Assert.Single(update.Content.Articles);
        Assert.Equal("heat-and-ice", article.Slug);
        Assert.Contains("then rest", article.Html, StringComparison.Ordinal);
        Assert.Equal(1, update.Rendered);
    }
}
