using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using NerveSpasmGuide.Content.Articles;
using NerveSpasmGuide.Content.Markdown;
using NerveSpasmGuide.Content.Problems;
using NerveSpasmGuide.Content.Sources;
using NerveSpasmGuide.Content.Yaml;

namespace NerveSpasmGuide.Content.Readability;

/// <summary>A word or short phrase of <c>plain-words.yaml</c> and the plainer choice an editor could write instead.</summary>
/// <param name="Line">Its line in the file, which each warning names.</param>
public sealed record PlainWord(string Word, string Plain, int Line)
{
    /// <summary>The words of <see cref="Word"/>, as the check compares them (any case).</summary>
    internal IReadOnlyList<string> Words { get; } = Word.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>
/// The plain-words check: each use of a listed word in an article's body prose is a warning at its line and column.
/// Prose is the text of paragraphs and list items written in the file: headings, code, link addresses, [[links]] (whose
/// words are the target's title), citations and the care cards' text from the warning-sign table are not looked at,
/// nor is a word that is part of the page's own title, link label or also-called names (the page is about it), or that
/// its front matter keeps on purpose (<c>keep_words: [chronic]</c>, for a page that explains the word).
/// </summary>
public static class PlainWords
{
    public const string FileName = "plain-words.yaml";

    private static readonly string[] EntryKeys = ["word", "plain"];

    public static IReadOnlyList<PlainWord> Read(string yaml, ProblemSink problems)
    {
        if (SourceFileReader.ReadEntries(yaml, problems, $"{FileName} must be a list of entries starting with '- word:'") is not { } entries)
        {
            return [];
        }

        var words = new List<PlainWord>();
        foreach (var entry in entries.Children)
        {
            var fields = YamlFields.For(entry, EntryKeys, problems, 0, $"an entry of {FileName}");
            var word = fields?.Text("word", required: true);
            var plain = fields?.Text("plain", required: true);
            if (fields is null || word is null || plain is null)
            {
                continue;
            }

            var line = fields.LineOf("word");
            if (word.Any(c => !(char.IsAsciiLetterLower(c) || c is ' ' or '-' or '\'')) || Tokens(word).Count != word.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length)
            {
                problems.Error(line, 1, $"'{word}' must be lowercase words (letters, hyphens, apostrophes) separated by single spaces");
            }
            else if (words.Find(w => w.Word == word) is { } first)
            {
                problems.Error(line, 1, $"'{word}' is already listed on line {first.Line}");
            }
            else
            {
                words.Add(new PlainWord(word, plain, line));
            }
        }

        return words;
    }

    /// <summary>Warns of each use of a listed word in the article's prose.</summary>
    /// <param name="bodyLineOffset">File lines before the body.</param>
    public static void Check(DocumentNodes nodes, ArticleMeta meta, int bodyLineOffset, IReadOnlyList<PlainWord> list, ProblemSink sink)
    {
        if (list.Count == 0)
        {
            return;
        }

        IEnumerable<string> names = [meta.Title, .. meta.AlsoCalled, .. meta.LinkLabel is null ? [] : new[] { meta.LinkLabel }];
        var subject = names.Select(Tokens).ToList();
        var byFirstWord = list
            .Where(entry => !subject.Exists(name => IndexOf(name, entry) >= 0) && !meta.KeepWords.Contains(entry.Word, StringComparer.OrdinalIgnoreCase))
            .GroupBy(entry => entry.Words[0], StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(e => e.Words.Count).ToList(), StringComparer.OrdinalIgnoreCase);
        if (byFirstWord.Count == 0)
        {
            return;
        }

        // A paragraph built from the warning-sign table has no parser behind it: its words are the table's, checked there.
        foreach (var paragraph in nodes.Paragraphs.Where(p => p.Parser is not null && p.Inline is not null))
        {
            var tokens = Tokens(paragraph.Inline!);
            for (var i = 0; i < tokens.Count; i++)
            {
                if (!byFirstWord.TryGetValue(tokens[i].Word, out var candidates) ||
                    candidates.Find(entry => Matches(tokens, i, entry)) is not { } match)
                {
                    continue;
                }

                sink.Warning(tokens[i].Line + bodyLineOffset + 1, tokens[i].Column + 1,
                    $"plain words: '{match.Plain}' may read more easily than '{match.Word}' ({FileName} line {match.Line})");
                i += match.Words.Count - 1;
            }
        }
    }

    /// <summary>A word of prose, where it starts in the body, and whether only white space separates it from the one before.</summary>
    private readonly record struct Token(string Word, int Line, int Column, bool Joined);

    private static bool Matches(List<Token> tokens, int start, PlainWord entry)
    {
        if (start + entry.Words.Count > tokens.Count)
        {
            return false;
        }

        for (var k = 0; k < entry.Words.Count; k++)
        {
            var token = tokens[start + k];
            if ((k > 0 && !token.Joined) || !string.Equals(token.Word, entry.Words[k], StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }

    private static int IndexOf(List<Token> tokens, PlainWord entry)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (Matches(tokens, i, entry))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The prose words of a paragraph: its text, in emphasis and link text too; anything else breaks a phrase.</summary>
    private static List<Token> Tokens(ContainerInline paragraph)
    {
        var tokens = new List<Token>();
        var joined = false;
        foreach (var inline in paragraph.Descendants())
        {
            switch (inline)
            {
                case LiteralInline literal:
                    joined = AddWords(tokens, literal.Content.AsSpan(), literal.Line, literal.Column, joined);
                    break;
                case LineBreakInline:
                case ContainerInline:
                    break;
                default:
                    // Code, [[links]], citations, autolinks and entities: not the editor's prose here, and no phrase runs across them.
                    joined = false;
                    break;
            }
        }

        return tokens;
    }

    private static List<Token> Tokens(string text)
    {
        var tokens = new List<Token>();
        AddWords(tokens, text, 0, 0, joined: false);
        return tokens;
    }

    /// <summary>
    /// Adds the words of one run of text (a word is a letter followed by letters, apostrophes or hyphens, as the reading
    /// grade counts them) and returns whether the run ends in white space only, so the next run's first word joins it.
    /// </summary>
    private static bool AddWords(List<Token> tokens, ReadOnlySpan<char> text, int line, int column, bool joined)
    {
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }

            if (!char.IsLetter(text[i]))
            {
                joined = false;
                i++;
                continue;
            }

            var start = i++;
            while (i < text.Length && (char.IsLetter(text[i]) || text[i] is '\'' or '’' or '-'))
            {
                i++;
            }

            var end = i;
            while (end > start + 1 && text[end - 1] is '\'' or '’' or '-')
            {
                end--;
            }

            tokens.Add(new Token(text[start..end].ToString(), line, column + start, joined));
            joined = true;
            i = end;
            if (i < text.Length && text[i] is '\'' or '’' or '-')
            {
                joined = false;
                i++;
            }
        }

        return joined;
    }
}
