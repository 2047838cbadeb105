using System.Diagnostics;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NerveSpasmGuide.Content.Articles;
using NerveSpasmGuide.Content.Loading;
using NerveSpasmGuide.Data.Search;
using NerveSpasmGuide.Data.Store;

namespace NerveSpasmGuide.Data.Import;

/// <summary>Where content is read from and where the derived store is written.</summary>
public sealed record StoreLocation(string ContentPath, string DatabasePath)
{
    public string ConnectionString => new SqliteConnectionStringBuilder
    {
        DataSource = DatabasePath,
        Mode = SqliteOpenMode.ReadOnly,
        Pooling = true,
    }.ToString();
}

/// <summary>The outcome of one import, kept for /health, logs and the editor dashboard.</summary>
public sealed record ImportSummary(
    DateTimeOffset FinishedAt,
    long ElapsedMilliseconds,
    int Articles,
    int Drafts,
    int Links,
    int Citations,
    int Errors,
    int Warnings,
    IReadOnlyList<Content.Problems.ContentProblem> Problems,
    IReadOnlyList<string> KeptPreviousVersions);

/// <summary>
/// Builds the SQLite store from the content folder: everything is parsed and validated first, written in one
/// transaction into a new file beside the live one, and then swapped in with an atomic rename, so no request
/// ever sees a half-built store.
/// </summary>
public sealed class GuideImporter(StoreLocation location, StoreStatus status, TimeProvider clock, ILogger<GuideImporter> logger) : IDisposable
{
    private readonly SemaphoreSlim oneAtATime = new(1, 1);
    private readonly LastGoodVersions lastGood = new();

    /// <summary>Imports the content folder; concurrent calls wait their turn, so imports never overlap.</summary>
    public async Task<ImportSummary> ImportAsync(CancellationToken cancellationToken)
    {
        await oneAtATime.WaitAsync(cancellationToken);
        try
        {
            return await ImportNowAsync(cancellationToken);
        }
        finally
        {
            oneAtATime.Release();
        }
    }

    public void Dispose() => oneAtATime.Dispose();

    private async Task<ImportSummary> ImportNowAsync(CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var content = ContentLoader.Load(location.ContentPath, clock, lastGood);
        foreach (var problem in content.Problems)
        {
            logger.LogWarning("Content {Severity} at {Path}:{Line}:{Column}: {Message}",
                problem.IsError ? "error" : "warning", problem.Path, problem.Line, problem.Column, problem.Message);
        }

        var target = Path.GetFullPath(location.DatabasePath);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var building = target + ".building";
        File.Delete(building);

        var counts = await WriteStoreAsync(building, content, cancellationToken);
        File.Move(building, target, overwrite: true);
        SqliteConnection.ClearAllPools();
        foreach (var leftover in new[] { target + "-wal", target + "-shm" }.Where(File.Exists))
        {
            File.Delete(leftover);
        }

        var published = content.Articles.Count(a => !a.Meta.Draft);
        var summary = new ImportSummary(clock.GetUtcNow(), stopwatch.ElapsedMilliseconds, published, content.Articles.Count - published, counts.Links,
            counts.Citations, content.ErrorCount, content.WarningCount, content.Problems, content.KeptPreviousVersions);
        status.Publish(summary);
        logger.LogInformation(
            "Imported {Articles} articles, {Links} links and {Citations} citations from {ContentPath} in {ElapsedMs} ms ({Errors} errors, {Warnings} warnings)",
            summary.Articles, summary.Links, summary.Citations, location.ContentPath, summary.ElapsedMilliseconds, summary.Errors, summary.Warnings);
        return summary;
    }

    private static async Task<(int Links, int Citations)> WriteStoreAsync(string path, ContentSet content, CancellationToken cancellationToken)
    {
        var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();
        var options = new DbContextOptionsBuilder<GuideDbContext>().UseSqlite(connectionString).Options;
        await using var db = new GuideDbContext(options);
        await db.Database.EnsureCreatedAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync(SearchIndex.CreateSql, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        db.Sources.AddRange(content.Sources.Select(s => new SourceRecord
        {
            Key = s.Key, Type = s.Type, Authors = s.Authors, Title = s.Title, Container = s.Container, Year = s.Year,
            Volume = s.Volume, Pages = s.Pages, Doi = s.Doi, Url = s.Url,
        }));
        db.Synonyms.AddRange(content.Synonyms.Select(s => new SynonymRecord { Term = s.Term, Slugs = [.. s.Slugs] }));
        db.Retired.AddRange(content.Retired.DistinctBy(r => r.Slug).Select(r => new RetiredRecord { Slug = r.Slug, Reason = r.Reason, SuggestedSlug = r.Suggested }));

        var records = content.Articles.ToDictionary(a => a.Slug, ToRecord, StringComparer.Ordinal);
        db.Articles.AddRange(records.Values);
        await db.SaveChangesAsync(cancellationToken);

        var links = content.Articles
            .SelectMany(a => a.Links.Select(l => new LinkRecord
            {
                FromArticleId = records[a.Slug].Id,
                ToArticleId = records[l.TargetSlug].Id,
                Type = l.Type.ToString(),
            }))
            .ToList();
        db.Links.AddRange(links);
        await db.SaveChangesAsync(cancellationToken);

        await SearchIndex.FillAsync(db, content.Articles.Where(a => !a.Meta.Draft).Select(a => (records[a.Slug].Id, a)), cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        // EF creates SQLite files in WAL mode; the store is read-only once built, and a single self-contained
        // file (no -wal/-shm companions) is what makes the rename-swap safe.
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = DELETE", cancellationToken);
        return (links.Count, records.Values.Sum(r => r.Citations.Count));
    }

    private static ArticleRecord ToRecord(Article article) => new()
    {
        Slug = article.Slug,
        Kind = article.Kind.Folder(),
        Title = article.Meta.Title,
        Summary = article.Meta.Summary,
        AlsoCalled = [.. article.Meta.AlsoCalled],
        BodyHtml = article.Html,
        Markdown = article.Markdown,
        TocJson = JsonSerializer.Serialize(article.Toc),
        CareLevels = [.. article.CareLevels],
        LastReviewed = article.Meta.LastReviewed,
        NextReview = article.Meta.NextReview,
        IsDraft = article.Meta.Draft,
        SourcePath = article.SourcePath,
        WordCount = article.WordCount,
        ReadingGrade = article.ReadingGrade,
        Citations = [.. article.CitedSourceKeys.Select((key, i) => new CitationRecord { SourceKey = key, Number = i + 1 })],
        Aliases = [.. article.Meta.Aliases.Select(a => new AliasRecord { Alias = a.Slug })],
        Codes = [.. article.Meta.Icd10.Select(c => new CodeRecord { Code = c.Replace(".", "", StringComparison.Ordinal), Display = c })],
    };
}
