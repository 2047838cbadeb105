using Microsoft.EntityFrameworkCore;

namespace NerveSpasmGuide.Data.Store;

public sealed class GuideDbContext(DbContextOptions<GuideDbContext> options) : DbContext(options)
{
    public DbSet<ArticleRecord> Articles => Set<ArticleRecord>();

    public DbSet<LinkRecord> Links => Set<LinkRecord>();

    public DbSet<CitationRecord> Citations => Set<CitationRecord>();

    public DbSet<SourceRecord> Sources => Set<SourceRecord>();

    public DbSet<AliasRecord> Aliases => Set<AliasRecord>();

    public DbSet<CodeRecord> Codes => Set<CodeRecord>();

    public DbSet<SynonymRecord> Synonyms => Set<SynonymRecord>();

    public DbSet<SearchWordRecord> SearchWords => Set<SearchWordRecord>();

    public DbSet<RetiredRecord> Retired => Set<RetiredRecord>();

    public DbSet<WarningSignRecord> WarningSigns => Set<WarningSignRecord>();

    public DbSet<ArticleSignRecord> ArticleSigns => Set<ArticleSignRecord>();

    public DbSet<ArticleChangeRecord> ArticleChanges => Set<ArticleChangeRecord>();

    public DbSet<MediaRecord> Media => Set<MediaRecord>();

    public DbSet<SpanishArticleRecord> SpanishArticles => Set<SpanishArticleRecord>();

    public DbSet<SpanishSynonymRecord> SpanishSynonyms => Set<SpanishSynonymRecord>();

    public DbSet<SpanishWarningSignRecord> SpanishWarningSigns => Set<SpanishWarningSignRecord>();

    public DbSet<SpanishMediaRecord> SpanishMedia => Set<SpanishMediaRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(GuideDbContext).Assembly);
}
