using NerveSpasmGuide.Data.Feedback;

namespace NerveSpasmGuide.Web.Feedback;

/// <summary>The search report's export, in the dashboard's order (the most searched first).</summary>
public static class SearchReportCsv
{
    public const string Header = "language,query,found,searches,first_seen,last_seen";

    public static byte[] Write(IEnumerable<SearchReportRow> rows) => Csv.Write(Header, rows, row =>
        [Csv.Text(row.Language), Csv.Text(row.Query), Found(row.Outcome), Csv.Number(row.Count), Csv.Day(row.FirstSeen), Csv.Day(row.LastSeen)]);

    /// <summary>What the search showed the reader, as the dashboard words it.</summary>
    public static string Found(SearchOutcome outcome) => outcome switch
    {
        SearchOutcome.NothingFound => "nothing",
        SearchOutcome.OnlyCorrection => "only a correction",
        _ => outcome.ToString(),
    };
}
