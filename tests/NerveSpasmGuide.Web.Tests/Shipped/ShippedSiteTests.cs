using System.Net;
using NerveSpasmGuide.Content.Problems;
using NerveSpasmGuide.Content.Sources;
using NerveSpasmGuide.Web.Tests.Support;

namespace NerveSpasmGuide.Web.Tests.Shipped;

/// <summary>The site as a newcomer gets it: the shipped content, served end to end.</summary>
public sealed class ShippedSiteTests(ShippedContentFactory factory) : IClassFixture<ShippedContentFactory>
{
    public static TheoryData<string, string> LayTerms
    {
        get
        {
            var yaml = File.ReadAllText(Path.Combine(RepositoryPaths.Content, SourceFileReader.SynonymsFile));
            var data = new TheoryData<string, string>();
            foreach (var synonym in SourceFileReader.ReadSynonyms(yaml, new ProblemSink(SourceFileReader.SynonymsFile)))
            {
                data.Add(synonym.Term, synonym.Slugs[0]);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(LayTerms))]
    public async Task SearchForEachLayTermFindsItsArticleInTheTopThree(string term, string slug)
    {
        var page = await factory.GetDocumentAsync("/search?q=" + Uri.EscapeDataString(term));
        var top = page.QuerySelectorAll(".results > li > a").Take(3).Select(a => a.GetAttribute("href")!.Split('/')[^1]).ToList();

        Assert.Contains(slug, top);
    }

    [Theory]
    [InlineData("/causes/sciatica")]
    [InlineData("/causes/radiculopathy")]
    [InlineData("/causes/spondylosis")]
    [InlineData("/causes/peripheral-neuropathy")]
    [InlineData("/causes/piriformis-syndrome")]
    public async Task FlagshipCausePagesHaveWorkingLinksBacklinksAndSources(string url)
    {
        using var client = factory.CreateNonRedirectingClient();
        var page = await factory.GetDocumentAsync(url);

        Assert.NotEmpty(page.QuerySelectorAll(".backlinks a"));
        Assert.True(page.QuerySelectorAll(".sources li").Length >= 2);
        Assert.NotNull(page.QuerySelector("aside.care-emergency, aside.care-urgent"));
        Assert.Empty(page.QuerySelectorAll(".xref-missing"));
        foreach (var href in page.QuerySelectorAll(".prose a.xref, .related a, .backlinks a").Select(a => a.GetAttribute("href")!).Distinct())
        {
            using var response = await client.GetAsync(new Uri(href, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} links to {href}, which answered {(int)response.StatusCode}");
        }
    }
}
