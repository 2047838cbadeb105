namespace NerveSpasmGuide.Data.Feedback;

/// <summary>The limits on what a reader may send, in one place for the form, the endpoint and the store.</summary>
public static class FeedbackRules
{
    public const int CommentMaxLength = 500;

    /// <summary>
    /// The comment as stored: line breaks as <c>\n</c> (a form sends <c>\r\n</c>, which a browser's maxlength counts
    /// as one), trimmed, null when empty. False when it is too long or holds control characters other than line
    /// breaks and tabs.
    /// </summary>
    public static bool TryNormalizeComment(string? raw, out string? comment)
    {
        comment = null;
        var text = (raw ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        if (text.Length > CommentMaxLength || text.Any(c => char.IsControl(c) && c is not '\n' and not '\t'))
        {
            return false;
        }

        comment = text.Length == 0 ? null : text;
        return true;
    }
}
