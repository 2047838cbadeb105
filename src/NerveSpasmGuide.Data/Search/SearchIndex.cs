using Microsoft.Data.Sqlite;
using NerveSpasmGuide.Content.Articles;
using NerveSpasmGuide.Data.Import;

namespace NerveSpasmGuide.Data.Search;

/// <summary>What search reads: each page's title, other names, summary and body text, and the Spanish FTS5 index.</summary>
internal static class SearchIndex
{
    /// <summary>
    /// English pages' text in a plain table: the <see cref="WordIndex"/> is built from it at each import and ranks in
    /// memory, and snippets read parts of the body by rowid. (It was an FTS5 table; the tests still build one from it
    /// to hold the word index to FTS5's order and snippets.)
    /// </summary>
    public const string CreateSql =
        "CREATE TABLE article_search(id INTEGER PRIMARY KEY, title TEXT NOT NULL, also_called TEXT NOT NULL, summary TEXT NOT NULL, body TEXT NOT NULL);" +
        // Spanish: no English stemmer, and accents folded so "ciatica" finds "ciática".
        "CREATE VIRTUAL TABLE spanish_search USING fts5(title, also_called, summary, body, tokenize = 'unicode61 remove_diacritics 2');" +
        "INSERT INTO spanish_search(spanish_search, rank) VALUES('rank', 'bm25(10.0, 6.0, 3.0, 1.0)');" +
        // Its words (accents folded) and how many pages hold each: the vocabulary a misspelled Spanish word is corrected from.
        "CREATE VIRTUAL TABLE spanish_vocab USING fts5vocab(spanish_search, 'row');";

    /// <summary>A published article's words, weighted as they count in the spelling vocabulary.</summary>
    public static Dictionary<string, int> CountWords(Article article) => SpellingVocabulary.CountWords(WeightedTexts(article));

    /// <summary>
    /// Writes the spelling vocabulary: <paramref name="words"/> (every word of the published articles, from
    /// <see cref="CountWords(Article)"/>) and the lay terms, a title or other name counting more.
    /// </summary>
    public static void WriteVocabulary(SqliteConnection connection, SqliteTransaction transaction, Dictionary<string, int> words, IEnumerable<string> layTerms)
    {
        SpellingVocabulary.CountWords(words, layTerms.Select(term => (term, 10)));
        PreparedInsert.All(connection, transaction, "search_words", ["Word", "Count"], words.Select(w => new object?[] { w.Key, w.Value }));
    }

    /// <summary>The vocabulary's word counts for the search entries of <paramref name="articleIds"/>, as they are in the store.</summary>
    public static async Task<Dictionary<string, int>> CountIndexedWordsAsync(
        SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<int> articleIds, CancellationToken cancellationToken)
    {
        var texts = new List<(string Text, int Weight)>();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT title, also_called, summary, body FROM article_search WHERE rowid = $id";
        var id = command.Parameters.Add(new SqliteParameter("$id", 0));
        foreach (var articleId in articleIds)
        {
            id.Value = articleId;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                texts.AddRange(WeightedTexts(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)));
            }
        }

        return SpellingVocabulary.CountWords(texts);
    }

    /// <summary>
    /// Brings the vocabulary up to date after an incremental import: <paramref name="before"/> (the replaced pages' words)
    /// comes out, the words of <paramref name="rendered"/> go in, and a word no page uses any more is dropped. The lay
    /// terms do not change here: a change to the synonyms is a full import.
    /// </summary>
    public static async Task UpdateVocabularyAsync(
        SqliteConnection connection, SqliteTransaction transaction, Dictionary<string, int> before, IEnumerable<Article> rendered, CancellationToken cancellationToken)
    {
        var after = SpellingVocabulary.CountWords(rendered.SelectMany(WeightedTexts));
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO search_words(Word, Count) VALUES($word, $delta) ON CONFLICT(Word) DO UPDATE SET Count = Count + $delta";
        var word = command.Parameters.Add(new SqliteParameter("$word", ""));
        var delta = command.Parameters.Add(new SqliteParameter("$delta", 0));
        await command.PrepareAsync(cancellationToken);
        foreach (var key in before.Keys.Union(after.Keys, StringComparer.Ordinal))
        {
            var change = after.GetValueOrDefault(key) - before.GetValueOrDefault(key);
            if (change != 0)
            {
                word.Value = key;
                delta.Value = change;
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        await using var prune = connection.CreateCommand();
        prune.Transaction = transaction;
        prune.CommandText = "DELETE FROM search_words WHERE Count <= 0";
        await prune.ExecuteNonQueryAsync(cancellationToken);
    }

    private static (string Text, int Weight)[] WeightedTexts(Article article) =>
        WeightedTexts(article.Meta.Title, string.Join(' ', article.Meta.AlsoCalled), article.Meta.Summary, article.PlainText);

    /// <summary>What each part of a page counts for in the vocabulary: a title or other name more than the body.</summary>
    private static (string Text, int Weight)[] WeightedTexts(string title, string otherNames, string summary, string body) =>
        [(title, 20), (otherNames, 10), (summary, 3), (body, 1)];

    /// <summary>The statement <see cref="Insert"/> writes a page's search entry with.</summary>
    public static PreparedInsert PrepareInsert(SqliteConnection connection, SqliteTransaction transaction) =>
        new(connection, transaction, "article_search", ["rowid", "title", "also_called", "summary", "body"]);

    public static void Insert(PreparedInsert insert, int id, Article article) =>
        insert.Insert(id, article.Meta.Title, string.Join(", ", article.Meta.AlsoCalled), article.Meta.Summary, article.PlainText);
}
