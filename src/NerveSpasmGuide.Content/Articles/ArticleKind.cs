namespace NerveSpasmGuide.Content.Articles;

public enum ArticleKind
{
    Cause,
    Mechanism,
    Treatment,
    Symptom,
    Guide,
}

/// <summary>What the site says and does for one kind of article: its folder (also its URL segment) and its words.</summary>
/// <param name="Folder">The content folder and the first URL segment, e.g. "causes".</param>
/// <param name="PluralTitle">The index page's title and the kind's navigation label.</param>
/// <param name="Intro">The index page's lead sentence.</param>
/// <param name="AnswersFirst">Its pages open with a "What to do now" box made from their own warning signs: a reader who lands on one wants to know how serious it is.</param>
/// <param name="Spanish">The same words on the Spanish pages.</param>
public sealed record ArticleKindInfo(ArticleKind Kind, string Folder, string PluralTitle, string SingularTitle, string Intro, KindWords Spanish, bool AnswersFirst = false);

/// <summary>A kind's words in one language.</summary>
public sealed record KindWords(string PluralTitle, string SingularTitle, string Intro);

/// <summary>The one table of article kinds, in the order the site shows them; routing, navigation, caching and the loader read it.</summary>
public static class ArticleKinds
{
    public static IReadOnlyList<ArticleKindInfo> Table { get; } =
    [
        new(ArticleKind.Cause, "causes", "Causes", "Cause",
            "Conditions that irritate or press on nerves and can lead to pain and muscle spasms.",
            new("Causas", "Causa", "Problemas de salud que irritan o aprietan los nervios y pueden causar dolor y espasmos musculares."), AnswersFirst: true),
        new(ArticleKind.Symptom, "symptoms", "Symptoms", "Symptom",
            "Start from what you feel. Each page says what can cause it and when it is an emergency.",
            new("Síntomas", "Síntoma", "Empiece por lo que siente. Cada página dice qué lo puede causar y cuándo es una emergencia."), AnswersFirst: true),
        new(ArticleKind.Treatment, "treatments", "Treatments", "Treatment",
            "What each treatment is, how it may help, what to expect and its risks.",
            new("Tratamientos", "Tratamiento", "Qué es cada tratamiento, cómo puede ayudar, qué esperar y cuáles son sus riesgos.")),
        new(ArticleKind.Mechanism, "mechanisms", "How spasms happen", "Mechanism",
            "How an irritated nerve can turn into pain and muscle spasms, in plain words.",
            new("Cómo ocurren los espasmos", "Mecanismo", "Cómo un nervio irritado puede causar dolor y espasmos musculares, en palabras sencillas.")),
        new(ArticleKind.Guide, "guides", "Guides", "Guide",
            "Practical guides: when to get help, living with nerve pain and getting ready for an appointment.",
            new("Guías", "Guía", "Guías prácticas: cuándo buscar ayuda, cómo vivir con dolor de nervios y cómo prepararse para una cita.")),
    ];

    public static IReadOnlyList<ArticleKind> All { get; } = [.. Table.Select(k => k.Kind)];

    public static ArticleKindInfo Info(this ArticleKind kind) =>
        Table.FirstOrDefault(k => k.Kind == kind) ?? throw new ArgumentOutOfRangeException(nameof(kind), kind, null);

    public static string Folder(this ArticleKind kind) => kind.Info().Folder;

    public static string PluralTitle(this ArticleKind kind) => kind.Info().PluralTitle;

    public static string SingularTitle(this ArticleKind kind) => kind.Info().SingularTitle;

    public static bool AnswersFirst(this ArticleKind kind) => kind.Info().AnswersFirst;

    public static bool TryParseFolder(string? folder, out ArticleKind kind) => TryParseFolder(folder.AsSpan(), out kind);

    /// <summary>Without allocating, for the page cache's check of every request path.</summary>
    public static bool TryParseFolder(ReadOnlySpan<char> folder, out ArticleKind kind)
    {
        foreach (var candidate in Table)
        {
            if (folder.SequenceEqual(candidate.Folder))
            {
                kind = candidate.Kind;
                return true;
            }
        }

        kind = default;
        return false;
    }

    public static string UrlPath(this ArticleKind kind, string slug) => $"/{kind.Folder()}/{slug}";
}
