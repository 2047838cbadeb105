namespace NerveSpasmGuide.Data.Feedback;

/// <summary>One reader's answer to "Was this page helpful?". Nothing about the reader is kept: no address, cookie or user agent.</summary>
public sealed class FeedbackRecord
{
    public long Id { get; set; }

    /// <summary>The article's slug when the answer was given (slugs are unique across kinds).</summary>
    public string ArticleSlug { get; set; } = "";

    public bool Helpful { get; set; }

    /// <summary>"What were you looking for?", at most <see cref="FeedbackRules.CommentMaxLength"/> characters; null when left empty or deleted by an editor.</summary>
    public string? Comment { get; set; }

    public DateTime ReceivedAtUtc { get; set; }

    /// <summary>An editor hid the comment from the dashboard's list; the vote still counts.</summary>
    public bool Hidden { get; set; }
}

/// <summary>What an editor did to a reader's comment, and who (the editor's session), when.</summary>
public sealed class ModerationRecord
{
    public long Id { get; set; }

    public long FeedbackId { get; set; }

    public ModerationAction Action { get; set; }

    /// <summary>The signed-in editor: a name and the session it signed in with.</summary>
    public string Editor { get; set; } = "";

    public DateTime AtUtc { get; set; }
}

public enum ModerationAction
{
    Hide = 1,
    Show = 2,

    /// <summary>The comment's text is erased (the vote stays); the audit keeps who and when, never the text.</summary>
    DeleteComment = 3,
}
