using NerveSpasmGuide.Data.Queries;

namespace NerveSpasmGuide.Web.Linking;

/// <summary>
/// The note a nurse pastes into the health record to say which pages were given: the date, then each page's title,
/// address and last review date, so the record shows which version of the advice the patient took home.
/// </summary>
public static class ChartNote
{
    public static string Text(string siteName, DateOnly given, IReadOnlyList<(ArticleCard Card, DateOnly LastReviewed)> pages, string handoutPath, Func<string, string> absolute)
    {
        var lines = new List<string>
        {
            $"Patient education given {given:yyyy-MM-dd}: {siteName} handout, {pages.Count} {(pages.Count == 1 ? "page" : "pages")}.",
        };
        lines.AddRange(pages.Select((page, i) =>
            $"{i + 1}. {page.Card.Title}\n   {absolute(page.Card.Url)}\n   Page last reviewed {page.LastReviewed:yyyy-MM-dd}"));
        lines.Add($"Handout as given: {absolute(handoutPath)}");
        return string.Join("\n", lines) + "\n";
    }
}
