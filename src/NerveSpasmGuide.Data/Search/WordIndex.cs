using System.Text;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace NerveSpasmGuide.Data.Search;

/// <summary>One published page's text, as <c>article_search</c> holds it.</summary>
internal readonly record struct PageText(int Id, string Title, string AlsoCalled, string Summary, string Body);

/// <summary>What the index keeps of one page besides its words' places: its lengths, and what snippets start from.</summary>
internal sealed class IndexedPage
{
    public required int Id { get; init; }

    /// <summary>Tokens in all four columns: bm25's document length.</summary>
    public required int Length { get; init; }

    public required int BodyLength { get; init; }

    /// <summary>The body tokens that begin a sentence, as FTS5's snippet() finds them (after '.' or ':' and a space).</summary>
    public required int[] SentenceStarts { get; init; }

    /// <summary>
    /// Where every <see cref="WordIndex.CheckpointEvery"/>th body token starts, in bytes of the UTF-8 text the store
    /// holds, so that a snippet reads only its own part of the body from the store without SQLite counting characters.
    /// </summary>
    public required int[] Checkpoints { get; init; }
}

/// <summary>
/// One term's pages, in id order, and its positions in each (sorted), encoded <c>column &lt;&lt; 24 | offset</c> so that
/// positions sort by column, then by place: page <c>Pages[i]</c> holds <c>Positions[Starts[i]..Starts[i + 1]]</c>.
/// </summary>
internal sealed class Postings(int[] pages, int[] starts, int[] positions)
{
    public int[] Pages { get; } = pages;

    public int[] Starts { get; } = starts;

    public int[] Positions { get; } = positions;

    public ArraySegment<int> At(int index) => new(Positions, Starts[index], Starts[index + 1] - Starts[index]);

    /// <summary>The positions in page <paramref name="id"/>, or none.</summary>
    public ArraySegment<int> For(int id)
    {
        var index = Array.BinarySearch(Pages, id);
        return index >= 0 ? At(index) : ArraySegment<int>.Empty;
    }

    /// <summary>
    /// <paramref name="before"/> without the pages in <paramref name="removed"/> and with <paramref name="added"/>
    /// (sorted by page, then position), copied range by range; null when no page is left.
    /// </summary>
    public static Postings? Replace(Postings? before, HashSet<int> removed, List<(int Page, int Position)> added)
    {
        before ??= new([], [0], []);
        var pages = new List<int>(before.Pages.Length + 1);
        var starts = new List<int>(before.Pages.Length + 2);
        var total = added.Count;
        for (var i = 0; i < before.Pages.Length; i++)
        {
            total += removed.Contains(before.Pages[i]) ? 0 : before.Starts[i + 1] - before.Starts[i];
        }

        var positions = new int[total];
        var written = 0;
        var next = 0;
        void AddNewUpTo(int limit)
        {
            while (next < added.Count && added[next].Page < limit)
            {
                pages.Add(added[next].Page);
                starts.Add(written);
                var page = added[next].Page;
                for (; next < added.Count && added[next].Page == page; next++)
                {
                    positions[written++] = added[next].Position;
                }
            }
        }

        for (var i = 0; i < before.Pages.Length; i++)
        {
            AddNewUpTo(before.Pages[i]);
            if (!removed.Contains(before.Pages[i]))
            {
                pages.Add(before.Pages[i]);
                starts.Add(written);
                var segment = before.At(i);
                segment.AsSpan().CopyTo(positions.AsSpan(written));
                written += segment.Count;
            }
        }

        AddNewUpTo(int.MaxValue);
        starts.Add(written);
        return pages.Count == 0 ? null : new([.. pages], [.. starts], positions);
    }

    /// <summary>Postings from (page, position) pairs sorted by page, then position.</summary>
    public static Postings FromSorted(List<(int Page, int Position)> entries)
    {
        var pages = new List<int>();
        var starts = new List<int>();
        var positions = new int[entries.Count];
        for (var i = 0; i < entries.Count; i++)
        {
            if (i == 0 || entries[i].Page != entries[i - 1].Page)
            {
                pages.Add(entries[i].Page);
                starts.Add(i);
            }

            positions[i] = entries[i].Position;
        }

        starts.Add(entries.Count);
        return new([.. pages], [.. starts], positions);
    }
}

/// <summary>
/// The published English pages' words in memory, as SQLite FTS5's <c>porter unicode61</c> tokenizer makes them, read
/// from the page text in <c>article_search</c> (an inverted index: each term's pages and places), so that a search ranks pages and cuts snippets without a
/// statement, visiting only the pages that hold its words: the same hits, order and snippets as the FTS5 statements
/// it replaces (bm25 weighted 10, 6, 3, 1; NEAR; snippet() of 24 body tokens), which the tests check against SQLite.
/// Immutable: an import builds a new one, from the previous one when only some pages changed.
/// </summary>
internal sealed class WordIndex
{
    public const int Body = 3;
    public const int CheckpointEvery = 64;

    private static readonly double[] ColumnWeights = [10.0, 6.0, 3.0, 1.0];

    private readonly Dictionary<int, IndexedPage> pages;
    private readonly Dictionary<string, Postings> postings;

    /// <summary>Every term, sorted, for the prefix of a query's last word.</summary>
    private readonly string[] terms;

    private WordIndex(Dictionary<int, IndexedPage> pages, Dictionary<string, Postings> postings, string[]? terms)
    {
        this.pages = pages;
        this.postings = postings;
        if (terms is null)
        {
            terms = [.. postings.Keys];
            Array.Sort(terms, StringComparer.Ordinal);
        }

        this.terms = terms;
        foreach (var page in pages.Values)
        {
            TotalLength += page.Length;
        }
    }

    public static WordIndex Empty { get; } = new([], [], null);

    /// <summary>The pages, in id order.</summary>
    public IEnumerable<IndexedPage> Pages => pages.Values.OrderBy(p => p.Id);

    /// <summary>Every term with its postings, in term order (for comparing two indexes).</summary>
    public IEnumerable<(string Term, Postings Postings)> Terms => terms.Select(t => (t, postings[t]));

    /// <summary>Tokens in all pages and columns: with the page count, bm25's average document length.</summary>
    public long TotalLength { get; }

    /// <summary>The index of every row of <c>article_search</c>, read one row at a time.</summary>
    public static async Task<WordIndex> BuildAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        var builder = new PageBuilder();
        var indexed = new Dictionary<int, IndexedPage>();
        var tokens = new List<(TermSlot Slot, int Position)>();
        await foreach (var text in ReadAsync(connection, ids: null, cancellationToken))
        {
            indexed[text.Id] = builder.Index(text, tokens);
            foreach (var (slot, position) in tokens)
            {
                (slot.Postings ??= new TermBuilder()).Add(text.Id, position);
            }
        }

        return new(indexed, builder.Slots.ToDictionary(slot => slot.Term, slot => slot.Postings!.Build(), StringComparer.Ordinal), null);
    }

    /// <summary>One term's postings as pages are read in id order: four bytes a position, nothing per pair.</summary>
    private sealed class TermBuilder
    {
        private readonly List<int> pages = [];
        private readonly List<int> starts = [];
        private readonly List<int> positions = [];

        public void Add(int page, int position)
        {
            if (pages.Count == 0 || pages[^1] != page)
            {
                pages.Add(page);
                starts.Add(positions.Count);
            }

            positions.Add(position);
        }

        public Postings Build() => new([.. pages], [.. starts, positions.Count], [.. positions]);
    }

    /// <summary>This index with the pages in <paramref name="changed"/> read again from <c>article_search</c> (left out when gone).</summary>
    /// <remarks>Only the postings of the terms those pages held or hold now are rewritten; the others are shared with this index.</remarks>
    public async Task<WordIndex> UpdateAsync(SqliteConnection connection, IReadOnlyCollection<int> changed, CancellationToken cancellationToken)
    {
        var builder = new PageBuilder();
        var ids = changed.ToHashSet();
        var indexed = new Dictionary<int, IndexedPage>(pages);
        foreach (var id in ids)
        {
            indexed.Remove(id);
        }

        // The terms the changed pages held: a binary search of each term's pages (milliseconds), rather than a list of
        // terms kept for every page (megabytes at 10,000 pages).
        var affected = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (term, list) in postings)
        {
            foreach (var id in ids)
            {
                if (Array.BinarySearch(list.Pages, id) >= 0)
                {
                    affected.Add(term);
                    break;
                }
            }
        }

        var entries = new Dictionary<string, List<(int Page, int Position)>>(StringComparer.Ordinal);
        var tokens = new List<(TermSlot Slot, int Position)>();
        await foreach (var text in ReadAsync(connection, changed, cancellationToken))
        {
            indexed[text.Id] = builder.Index(text, tokens);
            foreach (var (slot, position) in tokens)
            {
                if (!entries.TryGetValue(slot.Term, out var list))
                {
                    entries[slot.Term] = list = [];
                }

                list.Add((text.Id, position));
            }
        }

        affected.UnionWith(entries.Keys);
        var updated = new Dictionary<string, Postings>(postings, StringComparer.Ordinal);
        var termsChanged = false;
        foreach (var term in affected)
        {
            var before = postings.GetValueOrDefault(term);
            var after = Postings.Replace(before, ids, entries.TryGetValue(term, out var added) ? Sorted(added) : []);
            if (after is null)
            {
                termsChanged |= updated.Remove(term);
            }
            else
            {
                termsChanged |= before is null;
                updated[term] = after;
            }
        }

        return new(indexed, updated, termsChanged ? null : terms);
    }

    private static List<(int Page, int Position)> Sorted(List<(int Page, int Position)> entries)
    {
        for (var i = 1; i < entries.Count; i++)
        {
            if (entries[i].CompareTo(entries[i - 1]) < 0)
            {
                entries.Sort();
                break;
            }
        }

        return entries;
    }

    /// <summary>Every row of <c>article_search</c> (or those of <paramref name="ids"/>).</summary>
    public static async IAsyncEnumerable<PageText> ReadAsync(
        SqliteConnection connection, IReadOnlyCollection<int>? ids, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = ids is null
            ? "SELECT rowid, title, also_called, summary, body FROM article_search ORDER BY rowid"
            : """
              WITH wanted AS MATERIALIZED (SELECT value AS id FROM json_each($ids))
              SELECT article_search.rowid, title, also_called, summary, body FROM wanted CROSS JOIN article_search ON article_search.rowid = wanted.id
              """;
        if (ids is not null)
        {
            command.Parameters.AddWithValue("$ids", $"[{string.Join(',', ids)}]");
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return new PageText(reader.GetInt32(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4));
        }
    }

    /// <summary>One term of the pages a <see cref="PageBuilder"/> has indexed, with its postings as they grow.</summary>
    private sealed class TermSlot(string term)
    {
        public string Term { get; } = term;

        public TermBuilder? Postings { get; set; }
    }

    /// <summary>Indexes pages one after another; a token as written ("Pain", "pain") finds its term's slot in one lookup.</summary>
    private sealed class PageBuilder
    {
        private readonly Dictionary<string, TermSlot> byToken = new(StringComparer.Ordinal);
        private readonly Dictionary<string, TermSlot> byTerm = new(StringComparer.Ordinal);
        private readonly List<int> sentences = [];
        private readonly List<int> checkpoints = [];

        public IEnumerable<TermSlot> Slots => byTerm.Values;

        /// <summary>The page's lengths and snippet data; its tokens' terms and positions, in order, into <paramref name="tokens"/>.</summary>
        public IndexedPage Index(PageText text, List<(TermSlot Slot, int Position)> tokens)
        {
            var lookup = byToken.GetAlternateLookup<ReadOnlySpan<char>>();
            tokens.Clear();
            sentences.Clear();
            checkpoints.Clear();
            var length = 0;
            var bodyLength = 0;
            string[] columns = [text.Title, text.AlsoCalled, text.Summary, text.Body];
            for (var column = 0; column < columns.Length; column++)
            {
                var value = columns[column];
                var position = 0;
                var offset = 0;
                var scanned = 0;
                var bytes = 0;
                while (Fts5Tokens.Next(value, ref position, out var start, out var end))
                {
                    var token = value.AsSpan(start, end - start);
                    if (!lookup.TryGetValue(token, out var slot))
                    {
                        var term = Fts5Tokens.Term(token);
                        if (!byTerm.TryGetValue(term, out slot))
                        {
                            byTerm[term] = slot = new TermSlot(term);
                        }

                        lookup[token] = slot;
                    }

                    tokens.Add((slot, column << 24 | offset));
                    if (column == Body)
                    {
                        if (offset % CheckpointEvery == 0)
                        {
                            // A token never starts inside a surrogate pair, so each stretch encodes as it does within the whole.
                            bytes += Encoding.UTF8.GetByteCount(value.AsSpan(scanned, start - scanned));
                            scanned = start;
                            checkpoints.Add(bytes);
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

            return new IndexedPage
            {
                Id = text.Id, Length = length, BodyLength = bodyLength,
                SentenceStarts = [.. sentences], Checkpoints = [.. checkpoints],
            };
        }
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
        var phraseTerms = new List<string>();
        var position = 0;
        while (Fts5Tokens.Next(word, ref position, out var start, out var end))
        {
            phraseTerms.Add(Fts5Tokens.Term(word.AsSpan(start, end - start)));
        }

        return new Phrase([.. phraseTerms], prefix);
    }

    /// <summary>
    /// The pages holding <paramref name="phrase"/>, with the positions of its first token in each: one term's postings,
    /// or several when the phrase ends in a prefix that several terms start with (read side by side, never merged whole).
    /// </summary>
    public Postings[] Find(Phrase phrase)
    {
        if (phrase.Terms.Length == 0)
        {
            return [];
        }

        var last = phrase.Terms.Length - 1;
        var tokens = phrase.Terms.Select((term, t) => phrase.Prefix && t == last ? Prefixed(term) : postings.TryGetValue(term, out var one) ? [one] : []).ToList();
        if (tokens.Count == 1)
        {
            return tokens[0];
        }

        // A phrase of several tokens (rare: a query word FTS5 splits): its pages are worked out here, once.
        var entries = new List<(int Page, int Position)>();
        var cursor = new PhraseCursor(tokens[0]);
        var scratch = new Scratch();
        while (cursor.Page != int.MaxValue)
        {
            var page = cursor.Page;
            foreach (var start in cursor.Take(scratch))
            {
                var all = true;
                for (var t = 1; t < tokens.Count && all; t++)
                {
                    all = tokens[t].Any(p => p.For(page).AsSpan().BinarySearch(start + t) >= 0);
                }

                if (all)
                {
                    entries.Add((page, start));
                }
            }
        }

        return entries.Count == 0 ? [] : [Postings.FromSorted(entries)];
    }

    /// <summary>The postings of every term starting with <paramref name="prefix"/>.</summary>
    private Postings[] Prefixed(string prefix)
    {
        var at = Array.BinarySearch(terms, prefix, StringComparer.Ordinal);
        at = at >= 0 ? at : ~at;
        var matching = new List<Postings>();
        for (; at < terms.Length && terms[at].StartsWith(prefix, StringComparison.Ordinal); at++)
        {
            matching.Add(postings[terms[at]]);
        }

        return [.. matching];
    }

    /// <summary>A phrase's pages in id order, read from its postings side by side, with the phrase's positions in each.</summary>
    private sealed class PhraseCursor(Postings[] parts)
    {
        private readonly int[] at = new int[parts.Length];

        /// <summary>How many pages hold the phrase (for its IDF): counted once, by walking a copy of the cursor.</summary>
        public int CountPages()
        {
            if (parts.Length == 1)
            {
                return parts[0].Pages.Length;
            }

            var copy = new PhraseCursor(parts);
            var count = 0;
            while (copy.Page != int.MaxValue)
            {
                copy.Skip();
                count++;
            }

            return count;
        }

        /// <summary>The next page holding the phrase, or <see cref="int.MaxValue"/> when there is none.</summary>
        public int Page
        {
            get
            {
                var page = int.MaxValue;
                for (var i = 0; i < parts.Length; i++)
                {
                    if (at[i] < parts[i].Pages.Length)
                    {
                        page = Math.Min(page, parts[i].Pages[at[i]]);
                    }
                }

                return page;
            }
        }

        /// <summary>The positions in <see cref="Page"/>, then moves past it; several terms' positions are merged into <paramref name="scratch"/>.</summary>
        public ArraySegment<int> Take(Scratch scratch)
        {
            var page = Page;
            var matched = -1;
            var several = false;
            for (var i = 0; i < parts.Length; i++)
            {
                if (at[i] < parts[i].Pages.Length && parts[i].Pages[at[i]] == page)
                {
                    several |= matched >= 0;
                    if (several)
                    {
                        if (scratch.Count == 0)
                        {
                            scratch.AddRange(parts[matched].At(at[matched] - 1));
                        }

                        scratch.AddRange(parts[i].At(at[i]));
                    }

                    matched = i;
                    at[i]++;
                }
            }

            if (!several)
            {
                return matched < 0 ? ArraySegment<int>.Empty : parts[matched].At(at[matched] - 1);
            }

            scratch.Sort();
            return new(scratch.Items, 0, scratch.Count);
        }

        private void Skip()
        {
            var page = Page;
            for (var i = 0; i < parts.Length; i++)
            {
                if (at[i] < parts[i].Pages.Length && parts[i].Pages[at[i]] == page)
                {
                    at[i]++;
                }
            }
        }

        /// <summary>The positions in page <paramref name="id"/>, wherever the cursor is.</summary>
        public List<int> For(int id)
        {
            var positions = new List<int>();
            foreach (var part in parts)
            {
                positions.AddRange(part.For(id));
            }

            positions.Sort();
            return positions;
        }
    }

    /// <summary>A reusable list of positions whose array a segment can point into.</summary>
    private sealed class Scratch
    {
        public int[] Items { get; private set; } = new int[64];

        public int Count { get; private set; }

        public void Clear() => Count = 0;

        public void AddRange(ReadOnlySpan<int> items)
        {
            if (Count + items.Length > Items.Length)
            {
                var grown = new int[Math.Max(Items.Length * 2, Count + items.Length)];
                Items.AsSpan(0, Count).CopyTo(grown);
                Items = grown;
            }

            items.CopyTo(Items.AsSpan(Count));
            Count += items.Length;
        }

        public void Sort() => Array.Sort(Items, 0, Count);
    }

    /// <summary>
    /// FTS5's NEAR test (<c>fts5ExprNearIsMatch</c>): some instance of every phrase lies within <paramref name="distance"/>
    /// tokens of the others in one column. Each list is walked forward once.
    /// </summary>
    public static bool Near(ReadOnlySpan<ArraySegment<int>> positions, IReadOnlyList<Phrase> phrases, int distance)
    {
        Span<int> at = positions.Length <= 16 ? stackalloc int[positions.Length] : new int[positions.Length];
        at.Clear();
        var top = positions[0][0];
        while (true)
        {
            var match = true;
            for (var i = 0; i < positions.Length; i++)
            {
                var low = top - phrases[i].Terms.Length - distance;
                var list = positions[i];
                if (list[at[i]] < low || list[at[i]] > top)
                {
                    match = false;
                    while (list[at[i]] < low)
                    {
                        if (++at[i] == list.Count)
                        {
                            return false;
                        }
                    }

                    top = Math.Max(top, list[at[i]]);
                }
            }

            if (match)
            {
                return true;
            }
        }
    }

    /// <summary>A page chosen by <see cref="Rank"/>: its phrase instances, as (encoded position, phrase) in FTS5's instance order.</summary>
    public sealed record RankedPage(IndexedPage Page, List<(int Position, int Phrase)> Instances);

    private readonly record struct Candidate(IndexedPage Page, int Holds, int Title, bool Near, double Rank) : IComparable<Candidate>
    {
        /// <summary>Better first: more phrases held, a better title score, NEAR, a lower (better) bm25, then the lower id.</summary>
        public int CompareTo(Candidate other)
        {
            var order = other.Holds.CompareTo(Holds);
            order = order != 0 ? order : other.Title.CompareTo(Title);
            order = order != 0 ? order : other.Near.CompareTo(Near);
            order = order != 0 ? order : Rank.CompareTo(other.Rank);
            return order != 0 ? order : Page.Id.CompareTo(other.Page.Id);
        }
    }

    /// <summary>
    /// The best <paramref name="limit"/> pages holding any of <paramref name="phrases"/>, as the ranking statement
    /// ordered them: by how many of the phrases a page holds, its <paramref name="titleScore"/>, whether all of them
    /// stand within <paramref name="nearDistance"/> tokens (NEAR), bm25 (weighted 10, 6, 3, 1), then id; and how many
    /// pages hold each phrase.
    /// </summary>
    public (List<RankedPage> Best, int[] PagesHolding) Rank(IReadOnlyList<Phrase> phrases, Func<int, int> titleScore, int nearDistance, int limit)
    {
        const double k1 = 1.2;
        const double b = 0.75;
        var count = phrases.Count;
        var found = phrases.Select(p => new PhraseCursor(Find(p))).ToArray();
        var holding = found.Select(c => c.CountPages()).ToArray();
        var rows = (double)pages.Count;
        var averageLength = TotalLength / rows;
        var idf = holding.Select(n => Math.Log((rows - n + 0.5) / (n + 0.5))).Select(x => x <= 0.0 ? 1e-6 : x).ToArray();

        // The pages holding any phrase, in id order: each phrase's pages are walked once, side by side.
        var next = new int[count];
        var scratch = Enumerable.Range(0, count).Select(_ => new Scratch()).ToArray();
        var positions = new ArraySegment<int>[count];
        var best = new List<Candidate>();
        while (true)
        {
            var id = int.MaxValue;
            for (var i = 0; i < count; i++)
            {
                next[i] = found[i].Page;
                id = Math.Min(id, next[i]);
            }

            if (id == int.MaxValue)
            {
                break;
            }

            var holds = 0;
            for (var i = 0; i < count; i++)
            {
                scratch[i].Clear();
                positions[i] = next[i] == id ? found[i].Take(scratch[i]) : ArraySegment<int>.Empty;
                holds += next[i] == id ? 1 : 0;
            }

            if (!pages.TryGetValue(id, out var page))
            {
                continue;
            }

            var score = 0.0;
            for (var i = 0; i < count; i++)
            {
                var frequency = 0.0;
                foreach (var position in positions[i])
                {
                    frequency += ColumnWeights[position >> 24];
                }

                score += idf[i] * (frequency * (k1 + 1.0) / (frequency + k1 * (1 - b + b * page.Length / averageLength)));
            }

            var candidate = new Candidate(page, count == 1 ? 1 : holds, titleScore(id), count > 1 && holds == count && Near(positions, phrases, nearDistance), -1.0 * score);
            if (best.Count < limit || candidate.CompareTo(best[^1]) < 0)
            {
                var at = best.BinarySearch(candidate);
                best.Insert(at >= 0 ? at : ~at, candidate);
                if (best.Count > limit)
                {
                    best.RemoveAt(best.Count - 1);
                }
            }
        }

        return ([.. best.Select(c => new RankedPage(c.Page, Instances(c.Page.Id, found)))], holding);
    }

    /// <summary>Every instance of the phrases in the page, sorted by position, then phrase (as FTS5's xInst() lists them).</summary>
    private static List<(int Position, int Phrase)> Instances(int id, PhraseCursor[] found)
    {
        var instances = new List<(int Position, int Phrase)>();
        for (var i = 0; i < found.Length; i++)
        {
            foreach (var position in found[i].For(id))
            {
                instances.Add((position, i));
            }
        }

        instances.Sort();
        return instances;
    }
}
