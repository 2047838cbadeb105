using NerveSpasmGuide.Data.Search;

namespace NerveSpasmGuide.Data.Feedback;

/// <summary>The limits on the search report, in one place for the store, the options and the docs.</summary>
public static class SearchReportRules
{
    public const int QueryMaxLength = ArticleSearch.MaxQueryLength;

    /// <summary>The default of <c>Guide:SearchReportMaxRows</c>.</summary>
    public const int DefaultMaxRows = 2_000;

    /// <summary>
    /// When the table holds more than its bound, the rows evicted first are those last seen longest ago, then, of
    /// those last seen on the same day, the ones searched least often, then the ones first stored earliest. So a
    /// query that keeps coming back stays, and a flood of one-off queries pushes out only old one-offs (and each other).
    /// </summary>
    public const string EvictionOrder = "LastSeen, Count, rowid";
}
