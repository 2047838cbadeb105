namespace NerveSpasmGuide.Content.Safety;

/// <summary>A warning sign from <c>warning-signs.yaml</c>: one level, one sentence and its sources, wherever it is shown.</summary>
/// <param name="Group">The heading it is listed under in the urgent-help guide.</param>
/// <param name="OnHome">Shown on the home page and on printed handouts.</param>
/// <param name="Line">Where it is defined, for error messages.</param>
public sealed record WarningSign(string Id, CareLevel Level, string Group, string Text, IReadOnlyList<string> SourceKeys, bool OnHome, int Line);

/// <summary>Which signs pages must show: every page of a kind (<c>causes</c>) or one page (<c>causes/sciatica</c>).</summary>
/// <param name="Scope">A kind folder, or kind folder and slug.</param>
/// <param name="SignIds">The signs required; every sign in the table when <paramref name="All"/>.</param>
public sealed record SignRequirement(string Scope, IReadOnlyList<string> SignIds, bool All, int Line);

/// <summary>The whole table of warning signs, in the order written, and what each page must show.</summary>
public sealed class WarningSignTable(IReadOnlyList<WarningSign> signs, IReadOnlyList<SignRequirement> requirements)
{
    public const string FileName = "warning-signs.yaml";

    /// <summary>The card argument that lists every sign of the card's level.</summary>
    public const string AllSigns = "all";

    private readonly Dictionary<string, WarningSign> byId = signs.ToDictionary(s => s.Id, StringComparer.Ordinal);

    public static WarningSignTable Empty { get; } = new([], []);

    public IReadOnlyList<WarningSign> Signs { get; } = signs;

    public IReadOnlyList<SignRequirement> Requirements { get; } = requirements;

    public IReadOnlyCollection<string> Ids => byId.Keys;

    public WarningSign? Find(string id) => byId.GetValueOrDefault(id);

    /// <summary>The emergency signs shown on the home page and on printed handouts.</summary>
    public IReadOnlyList<WarningSign> HomeSigns => [.. Signs.Where(s => s.OnHome)];

    public IEnumerable<WarningSign> OfLevel(CareLevel level) => Signs.Where(s => s.Level == level);

    /// <summary>The signs of a level under their group headings, groups in the order they first appear in the table.</summary>
    public IEnumerable<IGrouping<string, WarningSign>> GroupsOf(CareLevel level) => OfLevel(level).GroupBy(s => s.Group, StringComparer.Ordinal);
}
