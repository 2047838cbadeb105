using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using NerveSpasmGuide.Data.Durable;

namespace NerveSpasmGuide.Data.Feedback;

/// <summary>For <c>dotnet ef migrations add ... --context FeedbackDbContext</c>; the site opens the store through <see cref="DurableStores"/>.</summary>
internal sealed class FeedbackDesignTimeFactory : IDesignTimeDbContextFactory<FeedbackDbContext>
{
    public FeedbackDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<FeedbackDbContext>().UseSqlite(DurableStores.ConnectionString("feedback-design.db")).Options);
}
