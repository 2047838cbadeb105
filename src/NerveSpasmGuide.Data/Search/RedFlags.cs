using NerveSpasmGuide.Content.Safety;

namespace NerveSpasmGuide.Data.Search;

/// <summary>What a query says about warning signs: the signs it describes, and whether it asks for the urgent-help guide.</summary>
/// <param name="Signs">The emergency and urgent signs the query describes, most urgent first.</param>
public sealed record RedFlagMatch(IReadOnlyList<WarningSign> Signs)
{
    public static RedFlagMatch None { get; } = new([]);

    public bool IsRedFlag => Signs.Count > 0;
}

/// <summary>
/// Recognises a query that describes a warning sign, from the warning-sign table's own sentences (and ids): every
/// meaningful word of the query that the table uses at all must appear in one emergency or urgent sign, and together
/// they must be specific to few signs ("back pain" is in many signs and is no warning by itself; "back pain fever"
/// is one). A lay term that synonyms.yaml sends to the urgent-help guide ("red flags", "saddle numbness") counts too.
/// </summary>
public sealed class RedFlags
{
    /// <summary>The guide that lists every warning sign: put first for a red-flag query.</summary>
    public const string UrgentHelpSlug = "when-to-get-urgent-help";

    /// <summary>A word used by at most this many signs is specific enough to mark a sign with one other word.</summary>
    private const int SpecificSigns = 3;

    /// <summary>Words a worried question adds that say nothing about which sign is meant.</summary>
    private static readonly HashSet<string> QuestionWords = new(StringComparer.Ordinal)
    {
        "serious", "dangerous", "danger", "worry", "worried", "worrying", "normal", "bad", "emergency", "urgent", "sign", "signs",
        "symptom", "symptoms", "mean", "means", "wrong", "help", "now", "today", "new", "have", "feel", "feeling",
    };

    /// <summary>Where it hurts: never enough, with pain, to make a query a warning sign ("back and neck pain").</summary>
    private static readonly HashSet<string> PlaceWords = new(StringComparer.Ordinal)
    {
        "back", "neck", "arm", "hand", "foot", "leg", "pain", "bodi", "finger", "face",
    };

    private readonly List<(WarningSign Sign, HashSet<string> Stems)> signs;
    private readonly Dictionary<string, int> signsUsing = new(StringComparer.Ordinal);
    private readonly HashSet<string> urgentTerms;
    private readonly IReadOnlyList<WarningSign> homeSigns;

    /// <summary>A word used fewer times than this on the whole site is no topic of its own.</summary>
    private const int RareOnSite = 10;

    private readonly HashSet<string> titleStems;
    private readonly SpellingVocabulary vocabulary;

    /// <param name="titles">Article titles: a word that names a page ("night" of "Night leg cramps") is no warning sign alone.</param>
    /// <param name="vocabulary">How often the site uses each word.</param>
    public RedFlags(WarningSignTable table, IEnumerable<CachedSynonym> synonyms, IEnumerable<string> titles, SpellingVocabulary vocabulary)
    {
        this.vocabulary = vocabulary;
        titleStems = Stems(string.Join(' ', titles));
        signs = [.. table.Signs.Where(s => s.Level == CareLevels.Emergency || s.Level == CareLevels.Urgent)
            .OrderBy(s => s.Level == CareLevels.Emergency ? 0 : 1)
            .Select(s => (s, Stems(s.Text + " " + s.Id.Replace('-', ' '))))];
        foreach (var stem in signs.SelectMany(s => s.Stems))
        {
            signsUsing[stem] = signsUsing.GetValueOrDefault(stem) + 1;
        }

        urgentTerms = [.. synonyms.Where(s => s.Slugs.Contains(UrgentHelpSlug, StringComparer.Ordinal)).Select(s => s.Padded)];
        homeSigns = table.HomeSigns;
    }

    public static RedFlags Empty { get; } = new(WarningSignTable.Empty, [], [], SpellingVocabulary.Empty);

    /// <param name="words">The query's words, lower-case, in order (stop words included).</param>
    public RedFlagMatch Match(IReadOnlyList<string> words)
    {
        var meaningful = words.Where(w => !QuestionWords.Contains(w) && !QueryWords.IsStopWord(w) && !w.All(char.IsDigit)).ToList();
        var query = meaningful.Select(EnglishStemmer.Stem).Where(signsUsing.ContainsKey).ToHashSet(StringComparer.Ordinal);
        var found = new List<WarningSign>();
        if (query.Count == 1)
        {
            // One word alone marks a sign only if few signs use it, it names no page, and the query's other words are
            // words the site uses, but not its own topics ("lidocaine patch" is about a medicine, not the patch in the
            // saddle-area sign; a misspelled "lidocane" could be anything).
            var stem = query.First();
            if (signsUsing[stem] <= 2 && !titleStems.Contains(stem) && meaningful.All(w => EnglishStemmer.Stem(w) == stem || vocabulary.CountOf(w) is > 0 and < RareOnSite))
            {
                found.AddRange(signs.Where(s => s.Stems.Contains(stem)).Select(s => s.Sign));
            }
        }
        else if (query.Count > 1)
        {
            foreach (var (sign, stems) in signs)
            {
                var held = query.Where(stems.Contains).ToList();
                var missing = query.Count - held.Count;
                if ((missing == 0 || (missing == 1 && held.Count >= 3)) && Describes(held, signs.Count(s => held.All(s.Stems.Contains))))
                {
                    found.Add(sign);
                }
            }
        }

        if (found.Count == 0)
        {
            var phrase = " " + string.Join(' ', words) + " ";
            if (urgentTerms.Any(term => phrase.Contains(term, StringComparison.Ordinal)))
            {
                found.AddRange(homeSigns);
            }
        }

        return found.Count == 0 ? RedFlagMatch.None : new RedFlagMatch(found);
    }

    /// <summary>
    /// Whether the query words a sign holds name it: one word few signs use beyond where it hurts, or three or more
    /// words, not all about where, that together fit few signs.
    /// </summary>
    private bool Describes(List<string> held, int signsHoldingAll)
    {
        var beyondPlace = held.Where(stem => !PlaceWords.Contains(stem)).ToList();
        return held.Count >= 2 && (beyondPlace.Exists(stem => signsUsing[stem] <= SpecificSigns)
            || (held.Count >= 3 && beyondPlace.Count > 0 && signsHoldingAll <= SpecificSigns));
    }

    private static HashSet<string> Stems(string text) =>
        [.. QueryWords.Split(text).Where(w => !QueryWords.IsStopWord(w) && !w.All(char.IsDigit)).Select(EnglishStemmer.Stem)];
}
