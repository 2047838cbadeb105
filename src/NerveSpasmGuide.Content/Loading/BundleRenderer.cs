using Markdig.Renderers.Html;
using NerveSpasmGuide.Content.Markdown;
using NerveSpasmGuide.Content.Problems;

namespace NerveSpasmGuide.Content.Loading;

/// <summary>Several articles rendered as one document: citations numbered across all of them, for one merged sources list.</summary>
public sealed record RenderedBundle(IReadOnlyList<string> Html, IReadOnlyList<string> SourceKeys);

public static class BundleRenderer
{
    /// <param name="bodies">Each article's slug (to keep heading ids unique) and Markdown body, in the bundle's order.</param>
    /// <param name="articles">Slug to URL path and title of every published article, for [[links]].</param>
    /// <param name="sourceKeys">The keys of sources.yaml.</param>
    public static RenderedBundle Render(
        IReadOnlyList<(string Slug, string Markdown)> bodies,
        IReadOnlyDictionary<string, (string Url, string Title)> articles,
        IReadOnlySet<string> sourceKeys)
    {
        var order = new List<string>();
        var html = new List<string>(bodies.Count);
        foreach (var (slug, body) in bodies)
        {
            var document = GuideMarkdown.Parse(body);
            var nodes = DocumentNodes.Of(document);
            foreach (var link in nodes.WikiLinks)
            {
                if (articles.TryGetValue(link.Target, out var target))
                {
                    ArticleResolver.Point(link, target.Url, target.Title);
                }
            }

            // Each article sits under the bundle's own h1 and its title's h2, so its headings move down a level.
            foreach (var heading in nodes.Headings)
            {
                heading.Level = Math.Min(6, heading.Level + 1);
                var attributes = heading.GetAttributes();
                attributes.Id = $"{slug}-{attributes.Id}";
            }

            ArticleResolver.NumberCitations(nodes, order, sourceKeys, (_, _) => { });
            ArticleResolver.MakeLinksSafe(nodes, 0, new ProblemSink("bundle"));
            html.Add(GuideMarkdown.Render(document));
        }

        return new RenderedBundle(html, order);
    }
}
