using System.Globalization;
using System.Text;

namespace NerveSpasmGuide.Web.Feedback;

/// <summary>The editors' exports: RFC 4180 CSV, UTF-8 with a byte-order mark so spreadsheets read accents right.</summary>
public static class Csv
{
    /// <summary>The header line, then one line a row; each row's fields joined by commas.</summary>
    public static byte[] Write<T>(string header, IEnumerable<T> rows, Func<T, IEnumerable<string>> fields)
    {
        var text = new StringBuilder(header).Append("\r\n");
        foreach (var row in rows)
        {
            text.AppendJoin(',', fields(row)).Append("\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    /// <summary>Quoted, and a leading = + - @ (which a spreadsheet would run as a formula) defused with an apostrophe.</summary>
    public static string Text(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    public static string YesNo(bool value) => value ? "yes" : "no";

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Time(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
