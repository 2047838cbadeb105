using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NerveSpasmGuide.Data.Durable;
using NerveSpasmGuide.Data.Editorial;
using NerveSpasmGuide.Data.Import;
using NerveSpasmGuide.Web.Editing;
using NerveSpasmGuide.Web.Tests.Support;

namespace NerveSpasmGuide.Web.Tests.Editing;

/// <summary>Accounts, sign-offs and the audit log are not derived from content: no import, restart or lost content store may cost a row.</summary>
public sealed class EditorialStoreTests : IDisposable
{
    private readonly string kept = Path.Combine(Path.GetTempPath(), "nsg-editorial-" + Guid.NewGuid().ToString("N"));

    private string StorePath => Path.Combine(kept, "editorial.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(kept))
        {
            Directory.Delete(kept, recursive: true);
        }
    }

    [Fact]
    public async Task AccountsAndSignOffsSurviveAReimportADeletedContentStoreAndARestart()
    {
        using (var before = NewHost())
        {
            await before.CreateAsync("ana@example.org", "Ana Reviewer", "MD", EditorRoles.ClinicalReviewer);
            var ana = await before.EditorialAsync(db => db.Users.SingleAsync());
            var text = await File.ReadAllTextAsync(Path.Combine(before.ContentPath, "causes", "sciatica.md"));
            await before.Services.GetRequiredService<EditorialStore>().SignOffAsync("sciatica", ReviewedText.Hash(text), ana, CancellationToken.None);

            var importer = before.Services.GetRequiredService<GuideImporter>();
            foreach (var file in Directory.EnumerateFiles(Path.GetDirectoryName(before.DatabasePath)!, "guide*"))
            {
                File.Delete(file);
            }

            await importer.ImportAsync(CancellationToken.None);
            Assert.Equal(1, await before.EditorialAsync(db => db.SignOffs.CountAsync()));
        }

        // A new host on a new work folder: the content store is built from nothing; the editorial store is the same file.
        using var after = NewHost();
        using var client = after.CreateNonRedirectingClient();

        Assert.Contains("Medically reviewed by Ana Reviewer, MD on", await client.GetStringAsync(new Uri("/causes/sciatica", UriKind.Relative)), StringComparison.Ordinal);
        using var signIn = await EditorSignIn.PostPasswordAsync(client, "ana@example.org", AccountsFactory.GoodPassword, "198.51.100.40");
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
    }

    [Fact]
    public async Task ABackupMadeWithVacuumIntoRestoresEveryAccountAndSignOff()
    {
        using (var host = NewHost())
        {
            await host.CreateAsync("ana@example.org", "Ana Reviewer", "MD", EditorRoles.ClinicalReviewer);
            var ana = await host.EditorialAsync(db => db.Users.SingleAsync());
            await host.Services.GetRequiredService<EditorialStore>().SignOffAsync("sciatica", ReviewedText.Hash("text"), ana, CancellationToken.None);
            await DurableStores.BackupAsync(StorePath, Path.Combine(kept, "backup.db"), CancellationToken.None);
        }

        SqliteConnection.ClearAllPools();
        File.Delete(StorePath);
        File.Copy(Path.Combine(kept, "backup.db"), StorePath);

        using var restored = NewHost();
        using var client = restored.CreateNonRedirectingClient();
        using var signIn = await EditorSignIn.PostPasswordAsync(client, "ana@example.org", AccountsFactory.GoodPassword, "198.51.100.41");

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal(("sciatica", "Ana Reviewer"), await restored.EditorialAsync(db => db.SignOffs.Select(s => ValueTuple.Create(s.ArticleSlug, s.ReviewerName)).SingleAsync()));
        Assert.Contains(await restored.EditorialAsync(db => db.Audit.Select(a => a.Action).ToListAsync()), a => a == AuditAction.SignedOff);
    }

    [Fact]
    public async Task CreateAdminMakesTheFirstAdministratorFromStandardInputAndThenRefuses()
    {
        var args = new[] { "--email", "admin@example.org", "--name", "Alex Admin", "--credentials", "RN", $"--Guide:EditorialDatabasePath={StorePath}" };

        var (weakCode, _, weakErrors) = await RunAsync(args, "weak\n");
        var (code, output, _) = await RunAsync(args, AccountsFactory.GoodPassword + "\n");
        var (againCode, _, againErrors) = await RunAsync(args, AccountsFactory.GoodPassword + "\n");
        var (missingCode, _, missingErrors) = await RunAsync(["--name", "No Email", $"--Guide:EditorialDatabasePath={StorePath}"], AccountsFactory.GoodPassword + "\n");

        Assert.Equal(1, weakCode);
        Assert.Contains("Passwords must be at least 12 characters", weakErrors, StringComparison.Ordinal);
        Assert.Equal(0, code);
        Assert.Contains("admin@example.org is an administrator", output, StringComparison.Ordinal);
        Assert.Equal(1, againCode);
        Assert.Contains("already has editor accounts", againErrors, StringComparison.Ordinal);
        Assert.Equal(2, missingCode);
        Assert.Contains("--email and --name are required", missingErrors, StringComparison.Ordinal);

        using var host = NewHost();
        using var client = host.CreateNonRedirectingClient();
        using var tokenSignIn = await EditorSignIn.PostTokenAsync(client, AccountsFactory.Token, "198.51.100.42");
        using var signIn = await EditorSignIn.PostPasswordAsync(client, "admin@example.org", AccountsFactory.GoodPassword, "198.51.100.43");
        Assert.Equal(HttpStatusCode.Unauthorized, tokenSignIn.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var roles = await host.EditorialAsync(db => db.UserRoles.Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).ToListAsync());
        Assert.Equal([EditorRoles.Administrator], roles);
    }

    private AccountsFactory NewHost() => new() { EditorialDatabasePath = StorePath };

    private static async Task<(int Code, string Output, string Errors)> RunAsync(string[] args, string input)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var code = await CreateAdminCommand.RunAsync(args, new StringReader(input), output, errors);
        SqliteConnection.ClearAllPools();
        return (code, output.ToString(), errors.ToString());
    }
}
