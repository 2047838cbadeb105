using System.Globalization;
using System.Text;
using NerveSpasmGuide.Data.Feedback;

namespace NerveSpasmGuide.Web.Feedback;

/// <summary>The feedback export: RFC 4180 CSV, UTF-8 with a byte-order mark so spreadsheets read accents right.</summary>
public static class FeedbackCsv
{
    public const string Header = "id,article,helpful,comment,received_at_utc,hidden";

    public static byte[] Write(IEnumerable<FeedbackRow> rows)
    {
        var text = new StringBuilder(Header).Append("\r\n");
        foreach (var row in rows)
        {
            text.Append(row.Id.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(Field(row.ArticleSlug)).Append(',')
                .Append(row.Helpful ? "yes" : "no").Append(',')
                .Append(Field(row.Comment ?? "")).Append(',')
                .Append(row.ReceivedAtUtc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)).Append(',')
                .Append(row.Hidden ? "yes" : "no").Append("\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    /// <summary>Quoted, and a leading = + - @ (which a spreadsheet would run as a formula) defused with an apostrophe.</summary>
    private static string Field(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
