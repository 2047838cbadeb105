using System.Text.Json;
using Microsoft.Data.Sqlite;
using NerveSpasmGuide.Content.Articles;
using NerveSpasmGuide.Data.Search;

namespace NerveSpasmGuide.Data.Import;

/// <summary>
/// Writes the rows of one article and of what it owns (links out, citations, aliases, codes, signs shown, page history,
/// search entry), through statements prepared once per import.
/// </summary>
internal sealed class ArticleRows(SqliteConnection connection, SqliteTransaction transaction) : IDisposable
{
    private readonly PreparedInsert articles = new(connection, transaction, "articles",
        ["Id", "Slug", "Kind", "Title", "LinkText", "Summary", "AlsoCalled", "BodyHtml", "FileText", "TocJson", "CareLevels", "LastReviewed",
         "NextReview", "IsDraft", "SourcePath", "WordCount", "ReadingGrade", "SmogGrade", "Audience"]);
    private readonly PreparedInsert signs = new(connection, transaction, "article_signs", ["ArticleId", "SignId"]);
    private readonly PreparedInsert links = new(connection, transaction, "links", ["FromArticleId", "ToArticleId", "Type"]);
    private readonly PreparedInsert citations = new(connection, transaction, "citations", ["ArticleId", "Number", "SourceKey", "Uses"]);
    private readonly PreparedInsert aliases = new(connection, transaction, "aliases", ["Alias", "ArticleId"]);
    private readonly PreparedInsert codes = new(connection, transaction, "codes", ["System", "Code", "Display", "ArticleId"]);
    private readonly PreparedInsert changes = new(connection, transaction, "article_changes", ["ArticleId", "Position", "Date", "Note"]);
    private readonly PreparedInsert search = SearchIndex.PrepareInsert(connection, transaction);

    /// <param name="ids">The id of every slug the article or its links name.</param>
    public void Insert(Article article, IReadOnlyDictionary<string, int> ids)
    {
        var id = ids[article.Slug];
        var meta = article.Meta;
        articles.Insert(
            id, article.Slug, article.Kind.Folder(), meta.Title, meta.LinkText, meta.Summary, JsonSerializer.Serialize(meta.AlsoCalled), article.Html,
            article.FileText, JsonSerializer.Serialize(article.Toc), JsonSerializer.Serialize(article.CareLevels), meta.LastReviewed.ToString("yyyy-MM-dd"),
            meta.NextReview.ToString("yyyy-MM-dd"), meta.Draft, article.SourcePath, article.WordCount, article.ReadingGrade, article.SmogGrade,
            meta.Audience.ToString());
        foreach (var sign in article.WarningSigns)
        {
            signs.Insert(id, sign);
        }

        foreach (var link in article.Links)
        {
            links.Insert(id, ids[link.TargetSlug], link.Type.ToString());
        }

        for (var i = 0; i < article.CitedSourceKeys.Count; i++)
        {
            citations.Insert(id, i + 1, article.CitedSourceKeys[i], article.CitationCounts[i]);
        }

        foreach (var alias in meta.Aliases)
        {
            aliases.Insert(alias.Slug, id);
        }

        foreach (var code in meta.Codes)
        {
            codes.Insert(code.System.ToString(), CodeSystems.Normalize(code.System, code.Code), code.Code, id);
        }

        for (var i = 0; i < meta.Changes.Count; i++)
        {
            changes.Insert(id, i, meta.Changes[i].Date.ToString("yyyy-MM-dd"), meta.Changes[i].Note);
        }

        if (!meta.Draft)
        {
            SearchIndex.Insert(search, id, article);
        }
    }

    public void Dispose()
    {
        foreach (var insert in (PreparedInsert[])[articles, signs, links, citations, aliases, codes, changes, search])
        {
            insert.Dispose();
        }
    }
}
