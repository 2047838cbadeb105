using Markdig.Renderers.Html;
using NerveSpasmGuide.Content.Markdown;
using NerveSpasmGuide.Content.Problems;
using NerveSpasmGuide.Content.Safety;

namespace NerveSpasmGuide.Content.Loading;

/// <summary>Several articles rendered as one document: citations numbered across all of them, for one merged sources list.</summary>
public sealed record RenderedBundle(IReadOnlyList<string> Html, IReadOnlyList<string> SourceKeys);

public static class BundleRenderer
{
    /// <param name="bodies">Each article's slug (to keep heading ids unique) and Markdown body, in the bundle's order.</param>
    /// <param name="articles">Slug to URL path and link text of every published article, for [[links]].</param>
    /// <param name="sourceKeys">The keys of sources.yaml.</param>
    /// <param name="signs">The warning-sign table the care cards are written from.</param>
    public static RenderedBundle Render(
        IReadOnlyList<(string Slug, string Markdown)> bodies,
        IReadOnlyDictionary<string, (string Url, string LinkText)> articles,
        IReadOnlySet<string> sourceKeys,
        WarningSignTable signs)
    {
        var order = new CitationOrder();
        var html = new List<string>(bodies.Count);
        foreach (var (slug, body) in bodies)
        {
            var document = GuideMarkdown.Parse(body);
            var nodes = DocumentNodes.Of(document);
            if (nodes.Containers.Count > 0)
            {
                CareCards.Expand(nodes.Containers, signs, 0, new ProblemSink("bundle"));
                nodes = DocumentNodes.Of(document);
            }

            foreach (var link in nodes.WikiLinks)
            {
                if (articles.TryGetValue(link.Target, out var target))
                {
                    ArticleResolver.Point(link, target.Url, target.LinkText);
                }
            }

            foreach (var card in nodes.Containers)
            {
                if (card.TryGetAttributes() is { Id: { } id } attributes)
                {
                    attributes.Id = $"{slug}-{id}";
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
            ArticleResolver.MakeLinksSafe(nodes, 0, new ProblemSink("bundle"), media: null);
            html.Add(GuideMarkdown.Render(document));
        }

        return new RenderedBundle(html, order.Keys);
    }
}
