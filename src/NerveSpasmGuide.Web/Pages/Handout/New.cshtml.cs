using Microsoft.AspNetCore.Mvc.RazorPages;
using NerveSpasmGuide.Content.Translations;
using NerveSpasmGuide.Data.Linking;
using NerveSpasmGuide.Data.Search;
using NerveSpasmGuide.Data.Queries;
using NerveSpasmGuide.Web.Hosting;

namespace NerveSpasmGuide.Web.Pages.Handout;

/// <summary>
/// /handout/new: staff pick articles (by kind, or filtered by a search), reorder them, then print, copy the link or
/// show the QR code. Plain links and a GET form, so it works without JavaScript. /es/handout/new offers the Spanish
/// pages and makes Spanish handouts.
/// </summary>
public sealed class NewModel(HandoutQueries handouts) : PageModel
{
    public IReadOnlyList<string> Chosen { get; private set; } = [];

    public IReadOnlyList<LinkGroup> Choices { get; private set; } = [];

    public string Filter { get; private set; } = "";

    public IReadOnlyList<ArticleCard> ChosenCards =>
        [.. Chosen.Select(slug => Choices.SelectMany(g => g.Articles).FirstOrDefault(a => a.Slug == slug)).OfType<ArticleCard>()];

    public async Task OnGetAsync(string? q, CancellationToken cancellationToken)
    {
        Filter = (q ?? "").Trim();
        Choices = handouts.ChoicesByKind(GuideLanguages.IsSpanish(HttpContext));
        var known = Choices.SelectMany(g => g.Articles).Select(a => a.Slug).ToHashSet(StringComparer.Ordinal);
        // The form sends its ticked boxes in the list's order and the chosen order as "order": pages already chosen
        // keep their place, newly ticked ones join at the end, unticked ones leave.
        var ticked = HandoutQueries.ParseSlugs(Request.Query["a"]).Where(known.Contains).ToList();
        var previous = HandoutQueries.ParseSlugs(Request.Query[OrderField]);
        Chosen = [.. previous.Where(ticked.Contains).Concat(ticked.Where(s => !previous.Contains(s))).Take(HandoutQueries.MaxArticles)];
    }

    /// <summary>
    /// This builder in the other language, with the pages chosen so far in their order: staff who switch keep their
    /// choice (the other builder keeps those of them it offers). The filter's words stay behind, being this language's.
    /// </summary>
    public string OtherLanguagePath(bool spanish)
    {
        var path = (spanish ? SpanishPaths.Prefix : "") + "/handout/new";
        if (Chosen.Count == 0)
        {
            return path;
        }

        var pages = string.Join(',', Chosen);
        return path + QueryString.Create([new KeyValuePair<string, string?>("a", pages), new KeyValuePair<string, string?>(OrderField, pages)]);
    }

    /// <summary>The form field that carries the chosen pages' order, so ticking one more does not re-sort the rest.</summary>
    public const string OrderField = "order";

    /// <summary>Choices shown per kind before the filter is needed; chosen pages are always shown.</summary>
    public const int MaxChoicesPerKind = 60;

    /// <summary>The pages of one kind to offer (chosen or matching the filter, up to the limit), and how many more match.</summary>
    public (IReadOnlyList<ArticleCard> Shown, int More) Offered(LinkGroup group)
    {
        var shown = new List<ArticleCard>();
        var more = 0;
        foreach (var card in group.Articles)
        {
            if (Chosen.Contains(card.Slug))
            {
                shown.Add(card);
            }
            else if (Matches(card))
            {
                if (shown.Count < MaxChoicesPerKind)
                {
                    shown.Add(card);
                }
                else
                {
                    more++;
                }
            }
        }

        return (shown, more);
    }

    /// <summary>Whether the page's title, summary or other names hold the filter, accents folded ("ciatica" finds "Ciática").</summary>
    public bool Matches(ArticleCard card)
    {
        if (Filter.Length == 0)
        {
            return true;
        }

        var filter = QueryWords.Fold(Filter);
        return QueryWords.Fold(card.Title).Contains(filter, StringComparison.Ordinal) ||
               QueryWords.Fold(card.Summary).Contains(filter, StringComparison.Ordinal) ||
               card.AlsoCalled.Any(name => QueryWords.Fold(name).Contains(filter, StringComparison.Ordinal));
    }

    /// <summary>The builder's own URL with the chosen slugs in a new order.</summary>
    public string With(IEnumerable<string> slugs) =>
        PageLanguage.Prefix + "/handout/new?a=" + string.Join(',', slugs.Select(Uri.EscapeDataString)) + (Filter.Length > 0 ? "&q=" + Uri.EscapeDataString(Filter) : "");

    public string Moved(int index, int by)
    {
        var list = Chosen.ToList();
        var target = Math.Clamp(index + by, 0, list.Count - 1);
        (list[index], list[target]) = (list[target], list[index]);
        return With(list);
    }
}
