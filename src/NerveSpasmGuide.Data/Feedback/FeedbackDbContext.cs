using Microsoft.EntityFrameworkCore;

namespace NerveSpasmGuide.Data.Feedback;

/// <summary>
/// Readers' feedback: data that is not derived from content, so its store is migrated in place (never rebuilt) and
/// imports never touch it. Its model is configured here, not by assembly scanning, so the content store's context
/// never picks these tables up.
/// </summary>
public sealed class FeedbackDbContext(DbContextOptions<FeedbackDbContext> options) : DbContext(options)
{
    public DbSet<FeedbackRecord> Feedback => Set<FeedbackRecord>();

    public DbSet<ModerationRecord> Moderation => Set<ModerationRecord>();

    public DbSet<SearchReportRecord> SearchReports => Set<SearchReportRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<FeedbackRecord>(entity =>
        {
            entity.ToTable("feedback");
            entity.HasKey(f => f.Id);
            entity.Property(f => f.ArticleSlug).IsRequired().HasMaxLength(200);
            entity.Property(f => f.Comment).HasMaxLength(FeedbackRules.CommentMaxLength);
            entity.HasIndex(f => new { f.ArticleSlug, f.ReceivedAtUtc });
        });
        modelBuilder.Entity<ModerationRecord>(entity =>
        {
            entity.ToTable("moderation");
            entity.HasKey(m => m.Id);
            entity.Property(m => m.Action).HasConversion<string>().HasMaxLength(20);
            entity.Property(m => m.Editor).IsRequired().HasMaxLength(200);
            entity.HasIndex(m => m.FeedbackId);
        });
        modelBuilder.Entity<SearchReportRecord>(entity =>
        {
            entity.ToTable("search_reports");
            entity.HasKey(s => new { s.Language, s.Query });
            entity.Property(s => s.Language).HasMaxLength(8);
            entity.Property(s => s.Query).HasMaxLength(SearchReportRules.QueryMaxLength);
            entity.Property(s => s.Outcome).HasConversion<string>().HasMaxLength(20);

            // The order rows are evicted in when the table is full (SearchReportRules).
            entity.HasIndex(s => new { s.LastSeen, s.Count });
        });
    }
}
