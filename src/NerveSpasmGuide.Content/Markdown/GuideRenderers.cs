using System.Globalization;
using Markdig.Extensions.CustomContainers;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using NerveSpasmGuide.Content.Safety;

namespace NerveSpasmGuide.Content.Markdown;

public sealed class WikiLinkRenderer : HtmlObjectRenderer<WikiLinkInline>
{
    protected override void Write(HtmlRenderer renderer, WikiLinkInline link)
    {
        if (link.Href is null)
        {
            // An unresolved link is reported at import; the reader still gets the words.
            renderer.Write("<span class=\"xref-missing\">").WriteEscape(link.Text).Write("</span>");
            return;
        }

        renderer.Write("<a class=\"xref\" href=\"").WriteEscapeUrl(link.Href).Write("\">").WriteEscape(link.Text).Write("</a>");
    }
}

public sealed class CitationRenderer : HtmlObjectRenderer<CitationInline>
{
    protected override void Write(HtmlRenderer renderer, CitationInline citation)
    {
        if (citation.Cited.Count == 0)
        {
            return;
        }

        renderer.Write("<sup class=\"cite\">[");
        for (var i = 0; i < citation.Cited.Count; i++)
        {
            var cited = citation.Cited[i];
            var number = cited.Number.ToString(CultureInfo.InvariantCulture);
            if (i > 0)
            {
                renderer.Write(", ");
            }

            renderer.Write("<a id=\"").Write(cited.Anchor).Write("\" href=\"#").Write(Anchors.Source(cited.Number)).Write("\" aria-label=\"Source ").Write(number).Write("\">")
                .Write(number).Write("</a>");
        }

        renderer.Write("]</sup>");
    }
}

/// <summary>Renders <c>::: emergency</c>, <c>::: urgent</c> and <c>::: see-a-doctor</c> as labelled care cards.</summary>
public sealed class CareCardRenderer : HtmlObjectRenderer<CustomContainer>
{
    protected override void Write(HtmlRenderer renderer, CustomContainer container)
    {
        var level = CareLevels.Find(container.Info);
        if (level is null)
        {
            // Unknown container names are content errors; render the text plainly so nothing is lost.
            renderer.Write("<div>");
            renderer.WriteChildren(container);
            renderer.Write("</div>");
            return;
        }

        renderer.EnsureLine();
        renderer.Write("<aside class=\"care care-").Write(level.Name).Write('"');
        if (container.TryGetAttributes()?.Id is { } id)
        {
            renderer.Write(" id=\"").WriteEscape(id).Write('"');
        }

        // The label in the page's language, as CareCards.Expand left it (English when the card was not expanded).
        var label = container.GetData(CareCards.LabelKey) as string ?? level.Label;
        renderer.Write(" aria-label=\"").WriteEscape(label).Write("\">");
        renderer.Write("<p class=\"care-label\">").WriteEscape(label).Write("</p>");
        renderer.WriteChildren(container);
        renderer.Write("</aside>");
        renderer.EnsureLine();
    }
}
