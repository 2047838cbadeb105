using System.Net;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NerveSpasmGuide.Data.Editorial;
using NerveSpasmGuide.Web.Tests.Support;

namespace NerveSpasmGuide.Web.Tests.Editing;

/// <summary>A site with the shared token configured and its own editorial store, for tests that add accounts.</summary>
public sealed class AccountsFactory : GuideFactory
{
    public const string Token = "correct-horse-battery-staple";
    public const string GoodPassword = "Nerve-Guide-2026-review";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Guide:EditorToken", Token);
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, TestRemoteAddress>());
    }

    /// <summary>Adds an account as an administrator would; fails the test if it is refused.</summary>
    public async Task CreateAsync(string email, string name, string credentials, string role)
    {
        var problems = await CreateAccountAsync(new NewEditorAccount(email, name, credentials, role, GoodPassword));
        Assert.Empty(problems);
    }

    public async Task<IReadOnlyList<string>> CreateAccountAsync(NewEditorAccount account)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<EditorAccountAdmin>().CreateAsync(account, "test", CancellationToken.None);
    }

    public async Task<T> EditorialAsync<T>(Func<EditorialDbContext, Task<T>> read)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<EditorialDbContext>>().CreateDbContextAsync();
        return await read(db);
    }
}

/// <summary>Personal accounts: the token stops once one exists, password rules, lockout, roles and the audit log.</summary>
public sealed class EditorAccountsTests : IDisposable
{
    private readonly AccountsFactory factory = new();
    private readonly HttpClient client;
    private int nextAddress;

    public EditorAccountsTests() => client = factory.CreateNonRedirectingClient();

    [Fact]
    public async Task TheSharedTokenWorksUntilTheFirstAccountExistsThenItsSessionsAndSignInsStop()
    {
        using var tokenSignIn = await EditorSignIn.PostTokenAsync(client, AccountsFactory.Token, Address());
        Assert.Equal(HttpStatusCode.Redirect, tokenSignIn.StatusCode);
        var tokenSession = EditorSignIn.SessionCookie(tokenSignIn);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync("/editor", tokenSession)).Status);

        await factory.CreateAsync("admin@example.org", "Alex Admin", "", EditorRoles.Administrator);

        var afterward = await GetAsync("/editor", tokenSession);
        Assert.Equal(HttpStatusCode.Redirect, afterward.Status);
        using var tokenAgain = await EditorSignIn.PostTokenAsync(client, AccountsFactory.Token, Address());
        Assert.Equal(HttpStatusCode.Unauthorized, tokenAgain.StatusCode);
        Assert.Contains("no longer works now that editor accounts exist", await tokenAgain.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var form = await GetAsync("/editor/sign-in", null);
        Assert.Contains("type=\"email\"", form.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"Token\"", form.Html, StringComparison.Ordinal);

        using var password = await EditorSignIn.PostPasswordAsync(client, "admin@example.org", AccountsFactory.GoodPassword, Address());
        Assert.Equal(HttpStatusCode.Redirect, password.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync("/editor", EditorSignIn.SessionCookie(password))).Status);
    }

    [Theory]
    [InlineData("Short-1a", "at least 12 characters")]
    [InlineData("no-upper-case-letters-9", "uppercase")]
    [InlineData("NO-LOWER-CASE-LETTERS-9", "lowercase")]
    [InlineData("No-Digits-In-This-One", "digit")]
    [InlineData("Aa1Aa1Aa1Aa1Aa1", "different characters")]
    public async Task AWeakPasswordIsRefusedAndNoAccountIsStored(string password, string reason)
    {
        var problems = await factory.CreateAccountAsync(new NewEditorAccount("weak@example.org", "Wes Weak", "", EditorRoles.Editor, password));

        Assert.Contains(problems, p => p.Contains(reason, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(0, await factory.EditorialAsync(db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task FiveWrongPasswordsLockTheAccountSoEvenTheRightOneIsRefusedAndTheLogSaysSo()
    {
        await factory.CreateAsync("editor@example.org", "Eda Editor", "", EditorRoles.Editor);

        var answers = new List<string>();
        for (var i = 0; i < EditorialIdentity.FailedAttemptsBeforeLockout; i++)
        {
            using var wrong = await EditorSignIn.PostPasswordAsync(client, "editor@example.org", "Wrong-Password-" + i, Address());
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
            answers.Add(await wrong.Content.ReadAsStringAsync());
        }

        using var right = await EditorSignIn.PostPasswordAsync(client, "editor@example.org", AccountsFactory.GoodPassword, Address());

        Assert.All(answers[..^1], html => Assert.Contains("do not match an account", html, StringComparison.Ordinal));
        Assert.Contains("This account is locked for 15 minutes", answers[^1], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);
        Assert.Contains("This account is locked", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var actions = await factory.EditorialAsync(db => db.Audit.Where(a => a.Subject == "editor@example.org").OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
        Assert.Equal(
            [AuditAction.AccountCreated, .. Enumerable.Repeat(AuditAction.SignInRefused, EditorialIdentity.FailedAttemptsBeforeLockout - 1), AuditAction.LockedOut, AuditAction.SignInRefused],
            actions);
    }

    [Fact]
    public async Task AnEditorCannotSignOffOrAddAccounts()
    {
        await factory.CreateAsync("editor@example.org", "Eda Editor", "", EditorRoles.Editor);
        var editor = await SignInAsync("editor@example.org");
        var preview = await GetAsync("/editor/preview/causes/sciatica", editor);
        Assert.Contains("Only a clinical reviewer's account can sign off", preview.Html, StringComparison.Ordinal);

        // The preview has no sign-off form for an editor, so the post carries the anti-forgery token of another page's form.
        var signOff = await PostAsync("/editor/preview/causes/sciatica?handler=SignOff", editor, await GetAsync("/editor/reviews", editor), [new("hash", await CurrentHashAsync("sciatica"))]);
        var accounts = await GetAsync("/editor/accounts", editor);

        Assert.Equal(HttpStatusCode.Forbidden, signOff);
        Assert.Equal(HttpStatusCode.Forbidden, accounts.Status);
        Assert.Equal(0, await factory.EditorialAsync(db => db.SignOffs.CountAsync()));
    }

    [Fact]
    public async Task AReviewersSignOffShowsOnThePageUntilTheFileChangesThenItIsOutOfDate()
    {
        await factory.CreateAsync("ana@example.org", "Ana Reviewer", "MD, neurologist", EditorRoles.ClinicalReviewer);
        var reviewer = await SignInAsync("ana@example.org");
        Assert.DoesNotContain("Medically reviewed", await client.GetStringAsync(new Uri("/causes/sciatica", UriKind.Relative)), StringComparison.Ordinal);
        var preview = await GetAsync("/editor/preview/causes/sciatica", reviewer);

        var signOff = await PostAsync("/editor/preview/causes/sciatica?handler=SignOff", reviewer, preview, [new("hash", await CurrentHashAsync("sciatica"))]);

        Assert.Equal(HttpStatusCode.Redirect, signOff);
        var page = await client.GetStringAsync(new Uri("/causes/sciatica", UriKind.Relative));
        var today = DateTime.UtcNow.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains($"Medically reviewed by Ana Reviewer, MD, neurologist on <time datetime=\"{DateTime.UtcNow:yyyy-MM-dd}\">{today}</time>", page, StringComparison.Ordinal);
        var jsonLd = new HtmlParser().ParseDocument(page).QuerySelector("script[type='application/ld+json']")!.TextContent;
        var reviewedBy = JsonDocument.Parse(jsonLd).RootElement.GetProperty("reviewedBy");
        Assert.Equal("Ana Reviewer", reviewedBy.GetProperty("name").GetString());
        Assert.Equal("MD, neurologist", reviewedBy.GetProperty("honorificSuffix").GetString());
        Assert.Contains("Signed off by Ana Reviewer, MD, neurologist", (await GetAsync("/editor/reviews", reviewer)).Html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/editor/preview/causes/sciatica#review\">signed off</a>", (await GetAsync("/editor", reviewer)).Html, StringComparison.Ordinal);

        var file = Path.Combine(factory.ContentPath, "causes", "sciatica.md");
        await File.AppendAllTextAsync(file, "\nOne more plain sentence for the test.\n");
        await Eventually.WaitUntilAsync(async () => (await client.GetStringAsync(new Uri("/causes/sciatica", UriKind.Relative))).Contains("One more plain sentence", StringComparison.Ordinal));

        Assert.DoesNotContain("Medically reviewed", await client.GetStringAsync(new Uri("/causes/sciatica", UriKind.Relative)), StringComparison.Ordinal);
        var reviews = await GetAsync("/editor/reviews", reviewer);
        Assert.Contains("Out of date: edited since Ana Reviewer, MD, neurologist signed off", reviews.Html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/editor/preview/causes/sciatica#review\">out of date</a>", (await GetAsync("/editor", reviewer)).Html, StringComparison.Ordinal);
        Assert.Contains("I have read this version and sign it off", (await GetAsync("/editor/preview/causes/sciatica", reviewer)).Html, StringComparison.Ordinal);
        var audit = await factory.EditorialAsync(db => db.Audit.Where(a => a.Action == AuditAction.SignedOff).Select(a => new { a.Actor, a.Subject }).SingleAsync());
        Assert.Equal(("ana@example.org", "sciatica"), (audit.Actor, audit.Subject));
    }

    [Fact]
    public async Task ASignOffOfTextTheReviewerDidNotSeeIsRefusedWithAConflict()
    {
        await factory.CreateAsync("ana@example.org", "Ana Reviewer", "MD", EditorRoles.ClinicalReviewer);
        var reviewer = await SignInAsync("ana@example.org");
        var preview = await GetAsync("/editor/preview/causes/sciatica", reviewer);
        var staleHash = ReviewedText.Hash("an older version of the file");

        var signOff = await PostAsync("/editor/preview/causes/sciatica?handler=SignOff", reviewer, preview, [new("hash", staleHash)]);

        Assert.Equal(HttpStatusCode.Conflict, signOff);
        Assert.Equal(0, await factory.EditorialAsync(db => db.SignOffs.CountAsync()));
    }

    [Fact]
    public async Task AnAdministratorAddsAReviewerWhoThenSignsInAsThemselves()
    {
        await factory.CreateAsync("admin@example.org", "Alex Admin", "", EditorRoles.Administrator);
        var admin = await SignInAsync("admin@example.org");
        var page = await GetAsync("/editor/accounts", admin);

        var created = await PostAsync("/editor/accounts", admin, page,
            [new("Email", "rui@example.org"), new("DisplayName", "Rui Reviewer"), new("Credentials", "RN"), new("Role", EditorRoles.ClinicalReviewer), new("Password", AccountsFactory.GoodPassword)]);
        var weak = await PostAsync("/editor/accounts", admin, page,
            [new("Email", "weak@example.org"), new("DisplayName", "Wes Weak"), new("Credentials", ""), new("Role", EditorRoles.Editor), new("Password", "weak")]);

        Assert.Equal(HttpStatusCode.OK, created);
        Assert.Equal(HttpStatusCode.BadRequest, weak);
        var rui = await SignInAsync("rui@example.org");
        Assert.Contains("I have read this version and sign it off", (await GetAsync("/editor/preview/causes/sciatica", rui)).Html, StringComparison.Ordinal);
        var audit = await factory.EditorialAsync(db => db.Audit.Where(a => a.Action == AuditAction.AccountCreated && a.Subject == "rui@example.org").Select(a => a.Actor).SingleAsync());
        Assert.StartsWith("admin@example.org (session ", audit, StringComparison.Ordinal);
        Assert.False(await factory.EditorialAsync(db => db.Users.AnyAsync(u => u.Email == "weak@example.org")));
    }

    [Fact]
    public async Task AnOwnedArticleIsListedUnderItsOwnerInTheMonthItsReviewIsDue()
    {
        await factory.CreateAsync("eda@example.org", "Eda Editor", "", EditorRoles.Editor);
        var editor = await SignInAsync("eda@example.org");
        var page = await GetAsync("/editor/reviews", editor);
        var edaId = await factory.EditorialAsync(db => db.Users.Where(u => u.Email == "eda@example.org").Select(u => u.Id).SingleAsync());

        var set = await PostAsync("/editor/reviews?handler=Owner", editor, page, [new("slug", "sciatica"), new("ownerId", edaId)]);
        var unknownOwner = await PostAsync("/editor/reviews?handler=Owner", editor, page, [new("slug", "sciatica"), new("ownerId", "nobody")]);
        var unknownArticle = await PostAsync("/editor/reviews?handler=Owner", editor, page, [new("slug", "no-such-page"), new("ownerId", edaId)]);

        Assert.Equal(HttpStatusCode.Redirect, set);
        Assert.Equal(HttpStatusCode.BadRequest, unknownOwner);
        Assert.Equal(HttpStatusCode.NotFound, unknownArticle);
        var reviews = new HtmlParser().ParseDocument((await GetAsync("/editor/reviews", editor)).Html);
        var ownedGroup = reviews.QuerySelectorAll("#due-title ~ ul li").Single(li => li.TextContent.Contains("Eda Editor", StringComparison.Ordinal));
        Assert.Contains("Sciatica", ownedGroup.TextContent, StringComparison.Ordinal);
        Assert.Equal("sciatica", await factory.EditorialAsync(db => db.Owners.Where(o => o.OwnerId == edaId).Select(o => o.ArticleSlug).SingleAsync()));
    }

    [Fact]
    public async Task TheHealthCheckReportsTheEditorialStore()
    {
        await factory.CreateAsync("admin@example.org", "Alex Admin", "", EditorRoles.Administrator);

        var health = JsonDocument.Parse(await client.GetStringAsync(new Uri("/health", UriKind.Relative))).RootElement;

        Assert.Equal(1, health.GetProperty("editorAccounts").GetInt32());
        Assert.Equal(0, health.GetProperty("reviewSignOffs").GetInt32());
        Assert.EndsWith("_Initial", health.GetProperty("editorialMigration").GetString(), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        client.Dispose();
        factory.Dispose();
    }

    /// <summary>A new client address for each sign-in, so the per-address limit of five a minute never decides a test.</summary>
    private string Address() => $"198.51.100.{Interlocked.Increment(ref nextAddress)}";

    private async Task<string> SignInAsync(string email)
    {
        using var response = await EditorSignIn.PostPasswordAsync(client, email, AccountsFactory.GoodPassword, Address());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return EditorSignIn.SessionCookie(response);
    }

    private Task<string> CurrentHashAsync(string slug) =>
        Task.FromResult(ReviewedText.Hash(File.ReadAllText(Path.Combine(factory.ContentPath, "causes", slug + ".md"))));

    private sealed record Fetched(HttpStatusCode Status, string Html, string? AntiforgeryCookie);

    private async Task<Fetched> GetAsync(string path, string? session)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (session is not null)
        {
            request.Headers.Add("Cookie", session);
        }

        using var response = await client.SendAsync(request);
        var cookie = response.Headers.TryGetValues("Set-Cookie", out var cookies)
            ? cookies.FirstOrDefault(c => c.StartsWith("nsg_antiforgery=", StringComparison.Ordinal))?.Split(';')[0]
            : null;
        return new Fetched(response.StatusCode, await response.Content.ReadAsStringAsync(), cookie);
    }

    /// <summary>Posts one of the page's forms with its anti-forgery token, as the browser would.</summary>
    private async Task<HttpStatusCode> PostAsync(string path, string session, Fetched page, KeyValuePair<string, string>[] fields)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new FormUrlEncodedContent([.. fields, new("__RequestVerificationToken", EditorSignIn.AntiforgeryToken(page.Html))]),
        };
        request.Headers.Add("Cookie", page.AntiforgeryCookie is null ? session : $"{session}; {page.AntiforgeryCookie}");
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }
}
