using System.Globalization;

namespace NerveSpasmGuide.Web.Pages;

/// <summary>Counts with their nouns, for every page that says how many: "1 draft", "2 drafts", "0 errors".</summary>
public static class Plural
{
    /// <param name="plural">For nouns that do not just add an s ("1 reply", "2 replies"); null adds an s.</param>
    public static string Count(long count, string singular, string? plural = null) =>
        count.ToString("N0", CultureInfo.InvariantCulture) + " " + (count == 1 ? singular : plural ?? singular + "s");
}
