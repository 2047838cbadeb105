using System.Text;

namespace NerveSpasmGuide.Data.Search;

/// <summary>
/// The body snippet FTS5's <c>snippet(article_search, 3, char(1), char(2), '…', 24)</c> gives, cut in C# from the
/// page's positions in the <see cref="WordIndex"/>: the window of 24 tokens holding the most different query words
/// (a sentence's start preferred), with each matched word between <c>\u0001</c> and <c>\u0002</c>.
/// </summary>
internal static class SnippetCutter
{
    public const int Tokens = 24;
    public const char Open = '\u0001';
    public const char Close = '\u0002';
    private const char Ellipsis = '…';

    /// <param name="instances">Every phrase instance in the page, as (encoded position, phrase) sorted by position then phrase.</param>
    public static string Cut(IndexedPage page, string body, IReadOnlyList<(int Position, int Phrase)> instances, IReadOnlyList<WordIndex.Phrase> phrases)
    {
        var inBody = new List<(int Offset, int Phrase)>();
        foreach (var (position, phrase) in instances)
        {
            if (position >> 24 == WordIndex.Body)
            {
                inBody.Add((position & 0xFFFFFF, phrase));
            }
        }

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

        return Highlight(page, body, inBody, phrases, bestStart, size);
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
    private static string Highlight(IndexedPage page, string body, List<(int Offset, int Phrase)> inBody, IReadOnlyList<WordIndex.Phrase> phrases, int rangeStart, int size)
    {
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

        var checkpoint = Math.Min(rangeStart / WordIndex.CheckpointEvery, page.Checkpoints.Length - 1);
        var position = checkpoint >= 0 ? page.Checkpoints[checkpoint] : body.Length;
        var token = checkpoint >= 0 ? checkpoint * WordIndex.CheckpointEvery : 0;
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
