using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NerveSpasmGuide.Data.Feedback;
using NerveSpasmGuide.Web.Tests.Support;

namespace NerveSpasmGuide.Web.Tests.Feedback;

/// <summary>The site with the editor on and test-chosen client addresses, so each test has its own rate-limit partition.</summary>
public class FeedbackFactory : GuideFactory
{
    public const string Token = "feedback-editor-token-of-length";
    public const string Origin = "http://localhost";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Guide:EditorToken", Token);
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, TestRemoteAddress>());
    }

    /// <summary>Posts the article form as a same-origin browser would, from <paramref name="address"/>.</summary>
    public async Task<HttpResponseMessage> PostAsync(string address, IEnumerable<KeyValuePair<string, string>> fields, string? origin = Origin, string? fetchSite = "same-origin")
    {
        using var client = CreateNonRedirectingClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/feedback") { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add(TestRemoteAddress.Header, address);
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        if (fetchSite is not null)
        {
            request.Headers.Add("Sec-Fetch-Site", fetchSite);
        }

        return await client.SendAsync(request);
    }

    public static KeyValuePair<string, string>[] Answer(string article, string helpful, string? comment = null) =>
        comment is null ? [new("article", article), new("helpful", helpful)] : [new("article", article), new("helpful", helpful), new("comment", comment)];

    /// <summary>The columns of a table of the feedback store, in order, read with a connection of its own.</summary>
    public async Task<List<string>> ColumnsAsync(string table)
    {
        var columns = new List<string>();
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={FeedbackDatabasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM pragma_table_info($table)";
        command.Parameters.AddWithValue("$table", table);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            columns.Add(reader.GetString(0));
        }

        return columns;
    }

    /// <summary>The stored answers, read straight from the store.</summary>
    public async Task<List<FeedbackRecord>> StoredAsync()
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<FeedbackDbContext>>().CreateDbContextAsync();
        return await db.Feedback.AsNoTracking().OrderBy(f => f.Id).ToListAsync();
    }
}
