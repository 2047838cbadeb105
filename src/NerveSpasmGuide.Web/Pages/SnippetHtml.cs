using Microsoft.AspNetCore.Html;
using NerveSpasmGuide.Data.Search;

namespace NerveSpasmGuide.Web.Pages;

/// <summary>
/// A search snippet as HTML, its matched words in <c>mark</c>, written without the whitespace Razor would put between a
/// highlight and the punctuation after it ("gabapentinoids , other").
/// </summary>
public static class SnippetHtml
{
    public static IHtmlContent Render(IReadOnlyList<SnippetPart> parts)
    {
        var html = new HtmlContentBuilder();
        foreach (var part in parts)
        {
            if (part.Highlighted)
            {
                html.AppendHtml("<mark>").Append(part.Text).AppendHtml("</mark>");
            }
            else
            {
                html.Append(part.Text);
            }
        }

        return html;
    }
}
