using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using NerveSpasmGuide.Data.Durable;

namespace NerveSpasmGuide.Data.Editorial;

/// <summary>
/// Editor accounts (ASP.NET Core Identity), review sign-offs, article owners and the audit log: data that is not
/// derived from content, in a store of its own that is migrated in place and never touched by an import.
/// </summary>
public sealed class EditorialDbContext(DbContextOptions<EditorialDbContext> options) : IdentityDbContext<EditorAccount>(options)
{
    public DbSet<ReviewSignOff> SignOffs => Set<ReviewSignOff>();

    public DbSet<ArticleOwner> Owners => Set<ArticleOwner>();

    public DbSet<AuditEntry> Audit => Set<AuditEntry>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<EditorAccount>(entity =>
        {
            entity.Property(a => a.DisplayName).IsRequired().HasMaxLength(100);
            entity.Property(a => a.Credentials).IsRequired().HasMaxLength(100);
        });
        builder.Entity<ReviewSignOff>(entity =>
        {
            entity.ToTable("review_sign_offs");
            entity.HasKey(s => s.Id);
            entity.Property(s => s.ArticleSlug).IsRequired().HasMaxLength(200);
            entity.Property(s => s.TextHash).IsRequired().HasMaxLength(64);
            entity.Property(s => s.ReviewerId).IsRequired();
            entity.Property(s => s.ReviewerName).IsRequired().HasMaxLength(100);
            entity.Property(s => s.ReviewerCredentials).IsRequired().HasMaxLength(100);
            entity.HasIndex(s => new { s.ArticleSlug, s.SignedOffAtUtc });
        });
        builder.Entity<ArticleOwner>(entity =>
        {
            entity.ToTable("article_owners");
            entity.HasKey(o => o.ArticleSlug);
            entity.Property(o => o.ArticleSlug).HasMaxLength(200);
            entity.Property(o => o.OwnerId).IsRequired();
        });
        builder.Entity<AuditEntry>(entity =>
        {
            entity.ToTable("audit");
            entity.HasKey(a => a.Id);
            entity.Property(a => a.Action).HasConversion<string>().HasMaxLength(30);
            entity.Property(a => a.Actor).IsRequired().HasMaxLength(256);
            entity.Property(a => a.Subject).IsRequired().HasMaxLength(256);
            entity.Property(a => a.Detail).IsRequired().HasMaxLength(500);
            entity.HasIndex(a => a.AtUtc);
        });
    }
}

/// <summary>For <c>dotnet ef migrations add ... --context EditorialDbContext</c>; the site opens the store through <see cref="DurableStores"/>.</summary>
internal sealed class EditorialDesignTimeFactory : IDesignTimeDbContextFactory<EditorialDbContext>
{
    public EditorialDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<EditorialDbContext>().UseSqlite(DurableStores.ConnectionString("editorial-design.db")).Options);
}
