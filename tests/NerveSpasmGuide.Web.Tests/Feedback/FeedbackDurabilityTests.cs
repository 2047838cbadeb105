using System.Net;
using Microsoft.Extensions.DependencyInjection;
using NerveSpasmGuide.Data.Import;

namespace NerveSpasmGuide.Web.Tests.Feedback;

/// <summary>Readers' answers are not derived from content: no import, restart or lost content store may cost one.</summary>
public sealed class FeedbackDurabilityTests : IDisposable
{
    private readonly string kept = Path.Combine(Path.GetTempPath(), "nsg-feedback-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(kept))
        {
            Directory.Delete(kept, recursive: true);
        }
    }

    [Fact]
    public async Task AnswersSurviveAReimportAndADeletedContentStore()
    {
        using var factory = NewHost();
        using (var first = await factory.PostAsync("198.51.100.20", FeedbackFactory.Answer("sciatica", "no", "night pain")))
        using (var second = await factory.PostAsync("198.51.100.20", FeedbackFactory.Answer("muscle-spasms", "yes")))
        {
            Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, second.StatusCode));
        }

        var importer = factory.Services.GetRequiredService<GuideImporter>();
        await importer.ImportAsync(CancellationToken.None);
        Assert.Equal(["night pain", null], (await factory.StoredAsync()).Select(f => f.Comment));

        foreach (var file in Directory.EnumerateFiles(Path.GetDirectoryName(factory.DatabasePath)!, "guide*"))
        {
            File.Delete(file);
        }

        await importer.ImportAsync(CancellationToken.None);
        using var third = await factory.PostAsync("198.51.100.20", FeedbackFactory.Answer("sciatica", "yes"));

        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
        Assert.Equal(["sciatica", "muscle-spasms", "sciatica"], (await factory.StoredAsync()).Select(f => f.ArticleSlug));
    }

    [Fact]
    public async Task AnswersSurviveARestartOnAFreshContentStore()
    {
        using (var before = NewHost())
        {
            using var vote = await before.PostAsync("198.51.100.21", FeedbackFactory.Answer("sciatica", "no", "what to avoid"));
            Assert.Equal(HttpStatusCode.OK, vote.StatusCode);
        }

        // A new host on a new work folder: its content store is built from nothing, the feedback store is the same file.
        using var after = NewHost();
        var stored = Assert.Single(await after.StoredAsync());

        Assert.False(File.Exists(after.DatabasePath) && new FileInfo(after.DatabasePath).Length == 0);
        Assert.Equal(("sciatica", false, "what to avoid"), (stored.ArticleSlug, stored.Helpful, stored.Comment));
    }

    private FeedbackFactory NewHost() => new() { FeedbackDatabasePath = Path.Combine(kept, "feedback.db") };
}
