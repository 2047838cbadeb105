using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;

namespace NerveSpasmGuide.Data.Search;

/// <summary>One published page's text, as the full-text index <c>article_search</c> holds it.</summary>
internal readonly record struct PageText(int Id, string Title, string AlsoCalled, string Summary, string Body);

/// <summary>
/// One page's words as FTS5 indexes them: each term once (sorted), with its positions in every column, encoded
/// <c>column &lt;&lt; 24 | offset</c> so that a term's positions sort by column, then by place.
/// </summary>
internal sealed class IndexedPage
{
    public required int Id { get; init; }

    /// <summary>Tokens in all four columns: bm25's document length.</summary>
    public required int Length { get; init; }

    public required int BodyLength { get; init; }

    public required string[] Terms { get; init; }

    /// <summary>Where each term's positions start in <see cref="Positions"/>; one more entry than <see cref="Terms"/>.</summary>
    public required int[] Starts { get; init; }

    public required int[] Positions { get; init; }

    /// <summary>The body tokens that begin a sentence, as FTS5's snippet() finds them (after '.' or ':' and a space).</summary>
    public required int[] SentenceStarts { get; init; }

    /// <summary>The character offset in the body of every <see cref="WordIndex.CheckpointEvery"/>th token.</summary>
    public required int[] Checkpoints { get; init; }

    /// <summary>The index of <paramref name="term"/> in <see cref="Terms"/>, or the complement of where it would go.</summary>
    public int Find(string term) => Array.BinarySearch(Terms, term, StringComparer.Ordinal);
}

/// <summary>
/// The published English pages' words in memory, as <c>article_search</c>'s <c>porter unicode61</c> tokenizer makes
/// them, so that a search ranks pages and cuts snippets without a statement: the same hits, order and snippets as the
/// FTS5 statements it replaces (bm25 weighted 10, 6, 3, 1; NEAR; snippet() of 24 body tokens), which the tests check
/// against SQLite. Immutable: an import builds a new one, from the previous one when only some pages changed.
/// </summary>
internal sealed class WordIndex
{
    public const int Title = 0;
    public const int Body = 3;
    public const int CheckpointEvery = 64;

    private static readonly double[] ColumnWeights = [10.0, 6.0, 3.0, 1.0];

    private readonly IndexedPage[] pages;

    private WordIndex(IndexedPage[] pages)
    {
        this.pages = pages;
        foreach (var page in pages)
        {
            TotalLength += page.Length;
        }
    }

    public static WordIndex Empty { get; } = new([]);

    public IReadOnlyList<IndexedPage> Pages => pages;

    /// <summary>Tokens in all pages and columns: with the page count, bm25's average document length.</summary>
    public long TotalLength { get; }

    public static WordIndex Build(IEnumerable<PageText> texts)
    {
        var interned = new Dictionary<string, string>(StringComparer.Ordinal);
        return new([.. texts.Select(t => Index(t, interned)).OrderBy(p => p.Id)]);
    }

    /// <summary>This index with the pages in <paramref name="changed"/> replaced by <paramref name="rewritten"/> (none, when removed).</summary>
    public WordIndex Update(IReadOnlyCollection<int> changed, IEnumerable<PageText> rewritten)
    {
        var ids = changed.ToHashSet();
        var interned = new Dictionary<string, string>(StringComparer.Ordinal);
        return new([.. pages.Where(p => !ids.Contains(p.Id)).Concat(rewritten.Select(t => Index(t, interned))).OrderBy(p => p.Id)]);
    }

    /// <summary>Every row of <c>article_search</c> (or those of <paramref name="ids"/>).</summary>
    public static async Task<List<PageText>> ReadAsync(SqliteConnection connection, IReadOnlyCollection<int>? ids, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = ids is null
            ? "SELECT rowid, title, also_called, summary, body FROM article_search"
            : """
              WITH wanted AS MATERIALIZED (SELECT value AS id FROM json_each($ids))
              SELECT article_search.rowid, title, also_called, summary, body FROM wanted CROSS JOIN article_search ON article_search.rowid = wanted.id
              """;
        if (ids is not null)
        {
            command.Parameters.AddWithValue("$ids", $"[{string.Join(',', ids)}]");
        }

        var texts = new List<PageText>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            texts.Add(new PageText(reader.GetInt32(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4)));
        }

        return texts;
    }

    private static IndexedPage Index(PageText text, Dictionary<string, string> interned)
    {
        var byTerm = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var sentences = new List<int>();
        var checkpoints = new List<int>();
        var length = 0;
        var bodyLength = 0;
        string[] columns = [text.Title, text.AlsoCalled, text.Summary, text.Body];
        for (var column = 0; column < columns.Length; column++)
        {
            var value = columns[column];
            var position = 0;
            var offset = 0;
            while (Fts5Tokens.Next(value, ref position, out var start, out var end))
            {
                var term = Fts5Tokens.Term(value.AsSpan(start, end - start));
                if (!interned.TryGetValue(term, out var shared))
                {
                    interned[term] = shared = term;
                }

                if (!byTerm.TryGetValue(shared, out var list))
                {
                    byTerm[shared] = list = [];
                }

                list.Add(column << 24 | offset);
                if (column == Body)
                {
                    if (offset % CheckpointEvery == 0)
                    {
                        checkpoints.Add(start);
                    }

                    if (offset == 0 || StartsSentence(value, start))
                    {
                        sentences.Add(offset);
                    }
                }

                offset++;
            }

            length += offset;
            bodyLength = column == Body ? offset : bodyLength;
        }

        var terms = byTerm.Keys.ToArray();
        Array.Sort(terms, StringComparer.Ordinal);
        var starts = new int[terms.Length + 1];
        var positions = new int[byTerm.Values.Sum(l => l.Count)];
        for (var i = 0; i < terms.Length; i++)
        {
            var list = byTerm[terms[i]];
            CollectionsMarshal.AsSpan(list).CopyTo(positions.AsSpan(starts[i]));
            starts[i + 1] = starts[i] + list.Count;
        }

        return new IndexedPage
        {
            Id = text.Id, Length = length, BodyLength = bodyLength, Terms = terms, Starts = starts, Positions = positions,
            SentenceStarts = [.. sentences], Checkpoints = [.. checkpoints],
        };
    }

    /// <summary>As FTS5's sentence finder: the text before the token is white space, and before that '.' or ':'.</summary>
    private static bool StartsSentence(string text, int start)
    {
        var i = start - 1;
        while (i >= 0 && text[i] is ' ' or '\t' or '\n' or '\r')
        {
            i--;
        }

        return i != start - 1 && i >= 0 && text[i] is '.' or ':';
    }

    /// <summary>A quoted word of a query: its terms in order, the last one matching as a prefix when <see cref="Prefix"/>.</summary>
    public sealed record Phrase(string[] Terms, bool Prefix);

    public static Phrase ToPhrase(string word, bool prefix)
    {
        var terms = new List<string>();
        var position = 0;
        while (Fts5Tokens.Next(word, ref position, out var start, out var end))
        {
            terms.Add(Fts5Tokens.Term(word.AsSpan(start, end - start)));
        }

        return new Phrase([.. terms], prefix);
    }

    /// <summary>The positions of <paramref name="phrase"/> in <paramref name="page"/> (of its first token), sorted, into <paramref name="into"/>.</summary>
    public static void Match(IndexedPage page, Phrase phrase, List<int> into)
    {
        into.Clear();
        if (phrase.Terms.Length == 0)
        {
            return;
        }

        if (phrase.Terms.Length == 1)
        {
            AddTerm(page, phrase.Terms[0], phrase.Prefix, into);
            return;
        }

        var first = new List<int>();
        AddTerm(page, phrase.Terms[0], false, first);
        foreach (var start in first)
        {
            var all = true;
            for (var t = 1; t < phrase.Terms.Length && all; t++)
            {
                all = HasAt(page, phrase.Terms[t], phrase.Prefix && t == phrase.Terms.Length - 1, start + t);
            }

            if (all)
            {
                into.Add(start);
            }
        }
    }

    private static void AddTerm(IndexedPage page, string term, bool prefix, List<int> into)
    {
        var index = page.Find(term);
        if (!prefix)
        {
            if (index >= 0)
            {
                into.AddRange(page.Positions.AsSpan(page.Starts[index], page.Starts[index + 1] - page.Starts[index]));
            }

            return;
        }

        var first = index >= 0 ? index : ~index;
        var last = first;
        while (last < page.Terms.Length && page.Terms[last].StartsWith(term, StringComparison.Ordinal))
        {
            last++;
        }

        into.AddRange(page.Positions.AsSpan(page.Starts[first], page.Starts[last] - page.Starts[first]));
        if (last - first > 1)
        {
            into.Sort();
        }
    }

    private static bool HasAt(IndexedPage page, string term, bool prefix, int position)
    {
        var positions = new List<int>();
        AddTerm(page, term, prefix, positions);
        return positions.BinarySearch(position) >= 0;
    }

    /// <summary>Whether every phrase has an instance within <paramref name="distance"/> tokens of the others in one column, as FTS5's NEAR.</summary>
    public static bool Near(IReadOnlyList<List<int>> positions, IReadOnlyList<Phrase> phrases, int distance)
    {
        foreach (var candidates in positions)
        {
            foreach (var top in candidates)
            {
                var all = true;
                for (var i = 0; i < positions.Count && all; i++)
                {
                    var low = top - phrases[i].Terms.Length - distance;
                    var at = positions[i].BinarySearch(low);
                    at = at >= 0 ? at : ~at;
                    all = at < positions[i].Count && positions[i][at] <= top;
                }

                if (all)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>A page chosen by <see cref="Rank"/>: its phrase instances, as (encoded position, phrase) in FTS5's instance order.</summary>
    public sealed record RankedPage(IndexedPage Page, List<(int Position, int Phrase)> Instances);

    /// <summary>
    /// The best <paramref name="limit"/> pages holding any of <paramref name="phrases"/>, as the ranking statement
    /// ordered them: by how many of the phrases a page holds, its <paramref name="titleScore"/>, whether all of them
    /// stand within <paramref name="nearDistance"/> tokens (NEAR), bm25 (weighted 10, 6, 3, 1), then id; and how many
    /// pages hold each phrase.
    /// </summary>
    public (List<RankedPage> Best, int[] PagesHolding) Rank(IReadOnlyList<Phrase> phrases, Func<int, int> titleScore, int nearDistance, int limit)
    {
        var count = phrases.Count;
        var holding = new int[count];
        var positions = Enumerable.Range(0, count).Select(_ => new List<int>()).ToList();
        var found = new List<(int Slot, int Holds, bool Near)>();
        var frequencies = new List<double>();
        for (var slot = 0; slot < pages.Length; slot++)
        {
            var page = pages[slot];
            var holds = 0;
            for (var i = 0; i < count; i++)
            {
                Match(page, phrases[i], positions[i]);
                if (positions[i].Count > 0)
                {
                    holds++;
                    holding[i]++;
                }
            }

            if (holds == 0)
            {
                continue;
            }

            found.Add((slot, count == 1 ? 1 : holds, count > 1 && holds == count && Near(positions, phrases, nearDistance)));
            foreach (var list in positions)
            {
                var frequency = 0.0;
                foreach (var position in list)
                {
                    frequency += ColumnWeights[position >> 24];
                }

                frequencies.Add(frequency);
            }
        }

        var rows = (double)pages.Length;
        var averageLength = TotalLength / rows;
        var idf = holding.Select(n => Math.Log((rows - n + 0.5) / (n + 0.5))).Select(x => x <= 0.0 ? 1e-6 : x).ToArray();
        var ranked = found.Select((f, n) =>
        {
            const double k1 = 1.2;
            const double b = 0.75;
            var page = pages[f.Slot];
            var score = 0.0;
            for (var i = 0; i < count; i++)
            {
                var frequency = frequencies[n * count + i];
                score += idf[i] * (frequency * (k1 + 1.0) / (frequency + k1 * (1 - b + b * page.Length / averageLength)));
            }

            return (Page: page, f.Holds, Title: titleScore(page.Id), f.Near, Rank: -1.0 * score);
        });

        var best = ranked.OrderByDescending(r => r.Holds).ThenByDescending(r => r.Title).ThenByDescending(r => r.Near)
            .ThenBy(r => r.Rank).ThenBy(r => r.Page.Id).Take(limit)
            .Select(r => new RankedPage(r.Page, Instances(r.Page, phrases)))
            .ToList();
        return (best, holding);
    }

    /// <summary>Every instance of the phrases in the page, sorted by position, then phrase (as FTS5's xInst() lists them).</summary>
    private static List<(int Position, int Phrase)> Instances(IndexedPage page, IReadOnlyList<Phrase> phrases)
    {
        var instances = new List<(int Position, int Phrase)>();
        var positions = new List<int>();
        for (var i = 0; i < phrases.Count; i++)
        {
            Match(page, phrases[i], positions);
            instances.AddRange(positions.Select(p => (p, i)));
        }

        instances.Sort();
        return instances;
    }
}
