using System.Text.RegularExpressions;

namespace NerveSpasmGuide.Data.Search;

/// <summary>
/// How search reads the words of a query: lower-case runs of letters and digits, and the English words that carry no
/// meaning of their own in a question ("what can I do for my ..."), which need not match.
/// </summary>
public static partial class QueryWords
{
    /// <summary>Words a page need not contain to answer the query: articles, pronouns, auxiliaries, question words.</summary>
    public static IReadOnlySet<string> StopWords { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "a", "about", "above", "after", "again", "am", "an", "and", "any", "are", "as", "at", "be", "been", "being", "but", "by",
        "can", "cannot", "cant", "could", "couldn", "d", "did", "didn", "do", "does", "doesn", "doing", "don", "during", "each",
        "else", "ever", "for", "from", "get", "gets", "getting", "got", "had", "has", "have", "having", "he", "her", "here",
        "hers", "him", "his", "how", "i", "if", "im", "in", "into", "is", "isn", "it", "its", "itself", "just", "ll", "m", "may",
        "me", "might", "mine", "must", "my", "myself", "of", "off", "on", "once", "one", "or", "our", "ours", "ourselves",
        "please", "really", "s", "shall", "she", "should", "shouldn", "so", "some", "such", "t", "than", "that", "the", "their",
        "theirs", "them", "then", "there", "these", "they", "this", "those", "through", "to", "too", "up", "us", "ve", "very",
        "was", "wasn", "we", "were", "what", "whats", "when", "where", "which", "while", "who", "whom", "why", "will", "with",
        "won", "would", "wouldn", "you", "your", "yours", "yourself",
        // Words of a patient's question that say what they want, not what it is about.
        "also", "best", "good", "help", "helps", "know", "like", "lot", "much", "many", "need", "needs", "ok", "okay", "still",
        "take", "tell", "thing", "things", "want", "wants", "way", "ways",
    };

    /// <summary>The words of <paramref name="text"/>, lower-cased, in order.</summary>
    public static List<string> Split(string text) => [.. Word().Matches(text.ToLowerInvariant()).Select(m => m.Value)];

    public static bool IsStopWord(string word) => StopWords.Contains(word);

    /// <summary>The words a page should hold to answer the query; all of them when every word is a stop word.</summary>
    public static List<string> Meaningful(IReadOnlyList<string> words)
    {
        var meaningful = words.Where(w => !IsStopWord(w)).Distinct(StringComparer.Ordinal).ToList();
        return meaningful.Count > 0 ? meaningful : [.. words.Distinct(StringComparer.Ordinal)];
    }

    /// <summary>
    /// Lower case without Spanish accents, as the index folds them ("Ciática" and "ciatica" are one word; ñ is n there
    /// too). By table: the site runs without culture data, so Unicode normalization is not at hand.
    /// </summary>
    public static string Fold(string text) =>
        string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = char.ToLowerInvariant(source[i]) switch
                {
                    'á' or 'à' or 'â' or 'ä' => 'a',
                    'é' or 'è' or 'ê' or 'ë' => 'e',
                    'í' or 'ì' or 'î' or 'ï' => 'i',
                    'ó' or 'ò' or 'ô' or 'ö' => 'o',
                    'ú' or 'ù' or 'û' or 'ü' => 'u',
                    'ñ' => 'n',
                    var other => other,
                };
            }
        });

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();
}
