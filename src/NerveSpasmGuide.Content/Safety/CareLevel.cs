namespace NerveSpasmGuide.Content.Safety;

/// <summary>One of the three NHS-style levels of care: its card's name, label and the sentence that opens its list.</summary>
/// <param name="Action">What to do, in a few words: the level's line in a page's "What to do now" box.</param>
public sealed record CareLevel(string Name, string Label, string Lead, string Action)
{
    /// <summary>The id of a page's first card of this level, which the "What to do now" box links to.</summary>
    public string Anchor => "care-" + Name;
}

/// <summary>The three levels, most urgent first: the one owner of their names and wording.</summary>
public static class CareLevels
{
    public static CareLevel Emergency { get; } = new(
        "emergency", "Emergency: call 911 now", "Call 911 or go to the nearest emergency room now if you have any of these:", "Call 911 now");

    public static CareLevel Urgent { get; } = new(
        "urgent", "Urgent: get medical help today",
        "Get medical help today if you have any of these. Ask your doctor's office for a same-day visit, or go to urgent care:",
        "Get medical help today");

    public static CareLevel SeeADoctor { get; } = new(
        "see-a-doctor", "See a doctor", "Make an appointment with your doctor if you have any of these:", "Make an appointment with your doctor");

    public static IReadOnlyList<CareLevel> All { get; } = [Emergency, Urgent, SeeADoctor];

    public static CareLevel? Find(string? name) =>
        All.FirstOrDefault(level => string.Equals(level.Name, name?.Trim(), StringComparison.Ordinal));
}
