using Markdig.Renderers.Html;
using NerveSpasmGuide.Content.Markdown;
using NerveSpasmGuide.Content.Problems;
using NerveSpasmGuide.Content.Safety;
using NerveSpasmGuide.Content.Translations;

namespace NerveSpasmGuide.Content.Loading;

/// <summary>What a Spanish bundle (of Spanish article bodies) changes in the rendering.</summary>
/// <param name="EnglishOnly">The pages without a Spanish version, whose links say they open in English.</param>
/// <param name="Pictures">The drawings that have a copy with Spanish labels.</param>
public sealed record SpanishBundle(IReadOnlySet<string> EnglishOnly, IReadOnlySet<string> Pictures);

/// <summary>Several articles rendered as one document: citations numbered across all of them, for one merged sources list.</summary>
public sealed record RenderedBundle(IReadOnlyList<string> Html, IReadOnlyList<string> SourceKeys);

public static class BundleRenderer
{
    /// <param name="bodies">Each article's slug (to keep heading ids unique) and Markdown body, in the bundle's order.</param>
    /// <param name="articles">Slug to URL path and link text of every published article, for [[links]].</param>
    /// <param name="sourceKeys">The keys of sources.yaml.</param>
    /// <param name="signs">The warning-sign table the care cards are written from, in the bundle's language.</param>
    /// <param name="spanish">For Spanish bodies: the care levels' Spanish words, marked links to English pages, Spanish drawings.</param>
    public static RenderedBundle Render(
        IReadOnlyList<(string Slug, string Markdown)> bodies,
        IReadOnlyDictionary<string, (string Url, string LinkText)> articles,
        IReadOnlySet<string> sourceKeys,
        WarningSignTable signs,
        SpanishBundle? spanish = null)
    {
        var order = new CitationOrder();
        var html = new List<string>(bodies.Count);
        foreach (var (slug, body) in bodies)
        {
            var document = GuideMarkdown.Parse(body);
            var nodes = DocumentNodes.Of(document);
            if (nodes.Containers.Count > 0)
            {
                CareCards.Expand(nodes.Containers, signs, 0, new ProblemSink("bundle"), spanish is null ? null : level => level.Spanish);
                nodes = DocumentNodes.Of(document);
            }

            foreach (var link in nodes.WikiLinks)
            {
                if (articles.TryGetValue(link.Target, out var target))
                {
                    ArticleResolver.Point(link, target.Url, target.LinkText);
                    if (spanish?.EnglishOnly.Contains(link.Target) is true)
                    {
                        link.Text += SpanishPaths.EnglishPageNote;
                    }
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
            if (spanish is not null)
            {
                ArticleResolver.PointTranslatedPictures(nodes, spanish.Pictures, SpanishPaths.Media);
            }

            html.Add(GuideMarkdown.Render(document));
        }

        return new RenderedBundle(html, order.Keys);
    }
}
