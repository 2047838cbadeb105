using System.Text;

namespace NerveSpasmGuide.Data.Search;

/// <summary>
/// The body snippet FTS5's <c>snippet(..., 3, char(1), char(2), '…', 24)</c> gave, cut in C# from the
/// page's positions in the <see cref="WordIndex"/>: the window of 24 tokens holding the most different query words
/// (a sentence's start preferred), with each matched word between <c>\u0001</c> and <c>\u0002</c>.
/// </summary>
internal static class SnippetCutter
{
    public const int Tokens = 24;
    public const char Open = '\u0001';
    public const char Close = '\u0002';
    private const char Ellipsis = '…';

    /// <summary>Which tokens a page's snippet shows, and which part of its body holds them.</summary>
    /// <param name="FirstToken">The body token the part starts with (0, or a checkpoint's).</param>
    /// <param name="From">Where the part starts in the body, in bytes of its UTF-8 text, from 0.</param>
    /// <param name="Length">The part's length in UTF-8 bytes, or <see cref="int.MaxValue"/> for the rest of the body.</param>
    public readonly record struct Window(int RangeStart, int FirstToken, int From, int Length);

    /// <summary>The snippets of the chosen pages, each from the part of its body it shows.</summary>
    public static Dictionary<int, string> Cut(BodyPartReader reader, IReadOnlyList<WordIndex.RankedPage> pages, IReadOnlyList<WordIndex.Phrase> phrases)
    {
        var snippets = new Dictionary<int, string>(pages.Count);
        foreach (var page in pages)
        {
            var inBody = InBody(page.Instances);
            var window = Choose(page.Page, inBody, phrases);
            if (reader.Read(page.Page.Id, window.From, window.Length) is { } part)
            {
                snippets[page.Page.Id] = Highlight(page.Page, part, inBody, phrases, window);
            }
        }

        return snippets;
    }

    private static List<(int Offset, int Phrase)> InBody(IReadOnlyList<(int Position, int Phrase)> instances)
    {
        var inBody = new List<(int Offset, int Phrase)>();
        foreach (var (position, phrase) in instances)
        {
            if (position >> 24 == WordIndex.Body)
            {
                inBody.Add((position & 0xFFFFFF, phrase));
            }
        }

        return inBody;
    }

    /// <summary>FTS5's choice of the 24 tokens to show: the window with the most different phrases, a sentence's start preferred.</summary>
    private static Window Choose(IndexedPage page, List<(int Offset, int Phrase)> inBody, IReadOnlyList<WordIndex.Phrase> phrases)
    {
        var seen = new bool[phrases.Count];
        var size = page.BodyLength;
        var bestStart = 0;
        var bestScore = 0;
        foreach (var (offset, _) in inBody)
        {
            var score = Score(inBody, phrases, seen, offset, size, out var adjusted);
            if (score > bestScore)
            {
                (bestScore, bestStart) = (score, adjusted);
            }

            var sentences = page.SentenceStarts;
            if (sentences.Length > 0 && size > Tokens)
            {
                var j = 0;
                while (j < sentences.Length - 1 && sentences[j + 1] <= offset)
                {
                    j++;
                }

                if (sentences[j] < offset)
                {
                    score = Score(inBody, phrases, seen, sentences[j], size, out _) + (sentences[j] == 0 ? 120 : 100);
                    if (score > bestScore)
                    {
                        (bestScore, bestStart) = (score, sentences[j]);
                    }
                }
            }
        }

        // The part runs from the checkpoint at or before the window to the one after it, or to the end of the body.
        var rangeEnd = bestStart + Tokens - 1;
        var checkpoints = page.Checkpoints;
        var first = bestStart == 0 || checkpoints.Length == 0 ? -1 : Math.Min(bestStart / WordIndex.CheckpointEvery, checkpoints.Length - 1);
        var from = first < 0 ? 0 : checkpoints[first];
        var after = rangeEnd / WordIndex.CheckpointEvery + 1;
        var length = rangeEnd >= size - 1 || after >= checkpoints.Length ? int.MaxValue : checkpoints[after] - from;
        return new Window(bestStart, first < 0 ? 0 : first * WordIndex.CheckpointEvery, from, length);
    }

    private static int Score(List<(int Offset, int Phrase)> inBody, IReadOnlyList<WordIndex.Phrase> phrases, bool[] seen, int from, int size, out int adjusted)
    {
        Array.Clear(seen);
        var score = 0;
        var first = -1;
        var last = 0;
        foreach (var (offset, phrase) in inBody)
        {
            if (offset >= from && offset < from + Tokens)
            {
                score += seen[phrase] ? 1 : 1000;
                seen[phrase] = true;
                first = first < 0 ? offset : first;
                last = offset + phrases[phrase].Terms.Length;
            }
        }

        var start = first - (Tokens - (last - first)) / 2;
        start = start + Tokens > size ? size - Tokens : start;
        adjusted = Math.Max(start, 0);
        return score;
    }

    /// <summary>FTS5's highlight callback over the tokens of the chosen window, with its coalesced phrase instances.</summary>
    /// <param name="body">The part of the body the window names, starting with its first token (or the body's start).</param>
    private static string Highlight(IndexedPage page, string body, List<(int Offset, int Phrase)> inBody, IReadOnlyList<WordIndex.Phrase> phrases, Window window)
    {
        var size = page.BodyLength;
        var rangeStart = window.RangeStart;
        var rangeEnd = rangeStart + Tokens - 1;
        var output = new StringBuilder(256);
        if (rangeStart > 0)
        {
            output.Append(Ellipsis);
        }

        var next = 0;
        (int Start, int End) instance = (-1, -1);
        void Advance()
        {
            instance = (-1, -1);
            while (next < inBody.Count)
            {
                var (offset, phrase) = inBody[next];
                var end = offset - 1 + phrases[phrase].Terms.Length;
                if (instance.Start < 0)
                {
                    instance = (offset, end);
                }
                else if (offset <= instance.End)
                {
                    instance.End = Math.Max(instance.End, end);
                }
                else
                {
                    break;
                }

                next++;
            }
        }

        Advance();
        while (instance.Start >= 0 && instance.Start < rangeStart)
        {
            Advance();
        }

        var position = 0;
        var token = window.FirstToken;
        var copied = 0;
        var open = false;
        while (token <= rangeEnd && Fts5Tokens.Next(body, ref position, out var start, out var end))
        {
            var at = token++;
            if (at < rangeStart)
            {
                continue;
            }

            if (rangeStart > 0 && at == rangeStart)
            {
                copied = start;
            }

            if (open && (at <= instance.Start || instance.Start < 0) && start > copied)
            {
                output.Append(Close);
                open = false;
            }

            if (at == instance.Start && !open)
            {
                output.Append(body, copied, start - copied).Append(Open);
                copied = start;
                open = true;
            }

            if (at == instance.End)
            {
                if (!open)
                {
                    output.Append(Open);
                    open = true;
                }

                output.Append(body, copied, end - copied);
                copied = end;
                Advance();
            }

            if (at == rangeEnd)
            {
                if (open)
                {
                    if (instance.Start >= 0 && at >= instance.Start)
                    {
                        output.Append(body, copied, end - copied);
                        copied = end;
                    }

                    output.Append(Close);
                    open = false;
                }

                output.Append(body, copied, end - copied);
                copied = end;
            }
        }

        if (open)
        {
            output.Append(Close);
        }

        return rangeEnd >= size - 1 ? output.Append(body, copied, body.Length - copied).ToString() : output.Append(Ellipsis).ToString();
    }
}
