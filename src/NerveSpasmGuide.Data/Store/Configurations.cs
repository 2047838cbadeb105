using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NerveSpasmGuide.Data.Store;

internal sealed class ArticleRecordConfiguration : IEntityTypeConfiguration<ArticleRecord>
{
    public void Configure(EntityTypeBuilder<ArticleRecord> builder)
    {
        builder.ToTable("articles");
        builder.HasIndex(a => a.Slug).IsUnique();
        builder.HasIndex(a => new { a.Kind, a.Slug });
        builder.Property(a => a.Slug).HasMaxLength(200);
        builder.Property(a => a.Kind).HasMaxLength(20);
    }
}

internal sealed class LinkRecordConfiguration : IEntityTypeConfiguration<LinkRecord>
{
    public void Configure(EntityTypeBuilder<LinkRecord> builder)
    {
        builder.ToTable("links");
        builder.HasOne(l => l.From).WithMany(a => a.OutgoingLinks).HasForeignKey(l => l.FromArticleId);
        builder.HasOne(l => l.To).WithMany(a => a.IncomingLinks).HasForeignKey(l => l.ToArticleId);
        builder.HasIndex(l => l.ToArticleId);
        builder.HasIndex(l => new { l.FromArticleId, l.ToArticleId, l.Type }).IsUnique();
    }
}

internal sealed class CitationRecordConfiguration : IEntityTypeConfiguration<CitationRecord>
{
    public void Configure(EntityTypeBuilder<CitationRecord> builder)
    {
        builder.ToTable("citations");
        builder.HasKey(c => new { c.ArticleId, c.Number });
        builder.HasOne(c => c.Article).WithMany(a => a.Citations).HasForeignKey(c => c.ArticleId);
        builder.HasOne(c => c.Source).WithMany(s => s.Citations).HasForeignKey(c => c.SourceKey);
        builder.HasIndex(c => c.SourceKey);
    }
}

internal sealed class SourceRecordConfiguration : IEntityTypeConfiguration<SourceRecord>
{
    public void Configure(EntityTypeBuilder<SourceRecord> builder)
    {
        builder.ToTable("sources");
        builder.HasKey(s => s.Key);
    }
}

internal sealed class AliasRecordConfiguration : IEntityTypeConfiguration<AliasRecord>
{
    public void Configure(EntityTypeBuilder<AliasRecord> builder)
    {
        builder.ToTable("aliases");
        builder.HasKey(a => a.Alias);
        builder.HasOne(a => a.Article).WithMany(a => a.Aliases).HasForeignKey(a => a.ArticleId);
    }
}

internal sealed class CodeRecordConfiguration : IEntityTypeConfiguration<CodeRecord>
{
    public void Configure(EntityTypeBuilder<CodeRecord> builder)
    {
        builder.ToTable("codes");
        builder.HasKey(c => new { c.System, c.Code, c.ArticleId });
        builder.HasOne(c => c.Article).WithMany(a => a.Codes).HasForeignKey(c => c.ArticleId);
    }
}

internal sealed class ArticleChangeRecordConfiguration : IEntityTypeConfiguration<ArticleChangeRecord>
{
    public void Configure(EntityTypeBuilder<ArticleChangeRecord> builder)
    {
        builder.ToTable("article_changes");
        builder.HasKey(c => new { c.ArticleId, c.Position });
        builder.HasOne(c => c.Article).WithMany(a => a.Changes).HasForeignKey(c => c.ArticleId);
    }
}

internal sealed class SynonymRecordConfiguration : IEntityTypeConfiguration<SynonymRecord>
{
    public void Configure(EntityTypeBuilder<SynonymRecord> builder)
    {
        builder.ToTable("synonyms");
        builder.HasKey(s => s.Term);
    }
}

internal sealed class RetiredRecordConfiguration : IEntityTypeConfiguration<RetiredRecord>
{
    public void Configure(EntityTypeBuilder<RetiredRecord> builder)
    {
        builder.ToTable("retired");
        builder.HasKey(r => r.Slug);
    }
}

internal sealed class SearchWordRecordConfiguration : IEntityTypeConfiguration<SearchWordRecord>
{
    public void Configure(EntityTypeBuilder<SearchWordRecord> builder)
    {
        builder.ToTable("search_words");
        builder.HasKey(w => w.Word);
    }
}

internal sealed class WarningSignRecordConfiguration : IEntityTypeConfiguration<WarningSignRecord>
{
    public void Configure(EntityTypeBuilder<WarningSignRecord> builder)
    {
        builder.ToTable("warning_signs");
        builder.HasKey(s => s.Id);
    }
}

internal sealed class ArticleSignRecordConfiguration : IEntityTypeConfiguration<ArticleSignRecord>
{
    public void Configure(EntityTypeBuilder<ArticleSignRecord> builder)
    {
        builder.ToTable("article_signs");
        builder.HasKey(s => new { s.ArticleId, s.SignId });
        builder.HasOne(s => s.Article).WithMany(a => a.WarningSigns).HasForeignKey(s => s.ArticleId);
        builder.HasOne(s => s.Sign).WithMany(w => w.ShownOn).HasForeignKey(s => s.SignId);
        builder.HasIndex(s => s.SignId);
    }
}

internal sealed class MediaRecordConfiguration : IEntityTypeConfiguration<MediaRecord>
{
    public void Configure(EntityTypeBuilder<MediaRecord> builder)
    {
        builder.ToTable("media");
        builder.HasKey(m => m.Name);
    }
}

internal sealed class SpanishArticleRecordConfiguration : IEntityTypeConfiguration<SpanishArticleRecord>
{
    public void Configure(EntityTypeBuilder<SpanishArticleRecord> builder)
    {
        builder.ToTable("spanish_articles");
        builder.HasIndex(a => a.Slug).IsUnique();
        builder.Property(a => a.Slug).HasMaxLength(200);
        builder.Property(a => a.Kind).HasMaxLength(20);
    }
}

internal sealed class SpanishMediaRecordConfiguration : IEntityTypeConfiguration<SpanishMediaRecord>
{
    public void Configure(EntityTypeBuilder<SpanishMediaRecord> builder)
    {
        builder.ToTable("spanish_media");
        builder.HasKey(m => m.Name);
    }
}

internal sealed class SpanishWarningSignRecordConfiguration : IEntityTypeConfiguration<SpanishWarningSignRecord>
{
    public void Configure(EntityTypeBuilder<SpanishWarningSignRecord> builder)
    {
        builder.ToTable("spanish_warning_signs");
        builder.HasKey(s => s.Id);
    }
}

internal sealed class SpanishSynonymRecordConfiguration : IEntityTypeConfiguration<SpanishSynonymRecord>
{
    public void Configure(EntityTypeBuilder<SpanishSynonymRecord> builder)
    {
        builder.ToTable("spanish_synonyms");
        builder.HasKey(s => s.Term);
    }
}
