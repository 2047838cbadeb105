using NerveSpasmGuide.Data.Feedback;

namespace NerveSpasmGuide.Web.Feedback;

/// <summary>The feedback export: every answer, oldest first.</summary>
public static class FeedbackCsv
{
    public const string Header = "id,article,helpful,comment,received_at_utc,hidden";

    public static byte[] Write(IEnumerable<FeedbackRow> rows) => Csv.Write(Header, rows, row =>
        [Csv.Number(row.Id), Csv.Text(row.ArticleSlug), Csv.YesNo(row.Helpful), Csv.Text(row.Comment ?? ""), Csv.Time(row.ReceivedAtUtc), Csv.YesNo(row.Hidden)]);
}
