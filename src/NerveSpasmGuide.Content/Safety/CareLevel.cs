namespace NerveSpasmGuide.Content.Safety;

/// <summary>A level's words in one language: its label, the sentence that opens its list, and what to do in a few words.</summary>
public sealed record CareWording(string Label, string Lead, string Action);

/// <summary>One of the three NHS-style levels of care: its card's name, label and the sentence that opens its list.</summary>
/// <param name="Action">What to do, in a few words: the level's line in a page's "What to do now" box.</param>
/// <param name="Spanish">The same words in Spanish, saying exactly what the English says (the Spanish pages' cards and boxes).</param>
public sealed record CareLevel(string Name, string Label, string Lead, string Action, CareWording Spanish)
{
    public CareWording English => new(Label, Lead, Action);

    /// <summary>The id of a page's first card of this level, which the "What to do now" box links to.</summary>
    public string Anchor => "care-" + Name;
}

/// <summary>The three levels, most urgent first: the one owner of their names and wording.</summary>
public static class CareLevels
{
    public static CareLevel Emergency { get; } = new(
        "emergency", "Emergency: call 911 now", "Call 911 or go to the nearest emergency room now if you have any of these:", "Call 911 now",
        new("Emergencia: llame al 911 ahora", "Llame al 911 o vaya ahora a la sala de emergencias más cercana si tiene cualquiera de estos signos:", "Llame al 911 ahora"));

    public static CareLevel Urgent { get; } = new(
        "urgent", "Urgent: get medical help today",
        "Get medical help today if you have any of these. Ask your doctor's office for a same-day visit, or go to urgent care:",
        "Get medical help today",
        new("Urgente: busque atención médica hoy",
            "Busque atención médica hoy si tiene cualquiera de estos signos. Pida en el consultorio de su médico una cita para el mismo día, o vaya a un centro de atención de urgencia:",
            "Busque atención médica hoy"));

    public static CareLevel SeeADoctor { get; } = new(
        "see-a-doctor", "See a doctor", "Make an appointment with your doctor if you have any of these:", "Make an appointment with your doctor",
        new("Consulte a un médico", "Pida una cita con su médico si tiene cualquiera de estos signos:", "Pida una cita con su médico"));

    public static IReadOnlyList<CareLevel> All { get; } = [Emergency, Urgent, SeeADoctor];

    public static CareLevel? Find(string? name) =>
        All.FirstOrDefault(level => string.Equals(level.Name, name?.Trim(), StringComparison.Ordinal));
}
