using NerveSpasmGuide.Data.Queries;

namespace NerveSpasmGuide.Web.Linking;

/// <summary>
/// The note a nurse pastes into the health record to say which pages were given: the date, then each page's title,
/// address and last review date, so the record shows which version of the advice the patient took home. It is in
/// English, for the record, even for a Spanish handout, which it names as such with each page's English title.
/// </summary>
public static class ChartNote
{
    /// <param name="englishTitles">For a Spanish handout: slug to the English page's title; null for an English handout.</param>
    public static string Text(
        string siteName, DateOnly given, IReadOnlyList<(ArticleCard Card, DateOnly LastReviewed)> pages, string handoutPath, Func<string, string> absolute,
        IReadOnlyDictionary<string, ArticleCard>? englishTitles = null)
    {
        var lines = new List<string>
        {
            $"Patient education given {given:yyyy-MM-dd}: {siteName} handout{(englishTitles is null ? "" : " in Spanish")}, {pages.Count} {(pages.Count == 1 ? "page" : "pages")}.",
        };
        lines.AddRange(pages.Select((page, i) =>
            $"{i + 1}. {page.Card.Title}{(englishTitles?.GetValueOrDefault(page.Card.Slug) is { } english ? $" (Spanish version of \"{english.Title}\")" : "")}\n" +
            $"   {absolute(page.Card.Url)}\n   Page last reviewed {page.LastReviewed:yyyy-MM-dd}"));
        lines.Add($"Handout as given: {absolute(handoutPath)}");
        return string.Join("\n", lines) + "\n";
    }
}
