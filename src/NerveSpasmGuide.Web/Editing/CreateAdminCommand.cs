using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using NerveSpasmGuide.Data.Durable;
using NerveSpasmGuide.Data.Editorial;

namespace NerveSpasmGuide.Web.Editing;

/// <summary>
/// <c>create-admin --email E --name "N" [--credentials C]</c>, with the password as the first line of standard input:
/// creates the first administrator in the editorial store (migrating it first), after which the shared editor token
/// stops working. It refuses once any account exists: administrators add everyone else from /editor/accounts.
/// </summary>
public static class CreateAdminCommand
{
    public const string Name = "create-admin";

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextReader input, TextWriter output, TextWriter errors)
    {
        const string usage = "create-admin --email EMAIL --name \"FULL NAME\" [--credentials \"MD, neurologist\"] [--Guide:EditorialDatabasePath=PATH] < password";
        if (CommandConfiguration.Read(args, errors, usage) is not { } settings)
        {
            return 2;
        }

        var (email, name) = (settings.Command["Email"], settings.Command["Name"]);
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrWhiteSpace(name))
        {
            errors.WriteLine($"create-admin: --email and --name are required. Usage: {usage}");
            return 2;
        }

        var password = await input.ReadLineAsync();
        if (string.IsNullOrEmpty(password))
        {
            errors.WriteLine("create-admin: give the password as the first line of standard input (it is never taken from the command line, where others could read it).");
            return 2;
        }

        var path = Path.GetFullPath(settings.Guide.EditorialDatabasePath);
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(TimeProvider.System)
            .AddDbContextFactory<EditorialDbContext>(db => db.UseSqlite(DurableStores.ConnectionString(path)))
            .AddSingleton<EditorialStore>()
            .AddScoped<EditorAccountAdmin>();
        services.AddEditorialIdentity();
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        await using (var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<EditorialDbContext>>().CreateDbContextAsync())
        {
            await DurableStores.MigrateAsync(db, path, CancellationToken.None);
        }

        if (scope.ServiceProvider.GetRequiredService<UserManager<EditorAccount>>().Users.Any())
        {
            errors.WriteLine($"create-admin: {path} already has editor accounts; an administrator adds people at /editor/accounts.");
            return 1;
        }

        var problems = await scope.ServiceProvider.GetRequiredService<EditorAccountAdmin>().CreateAsync(
            new NewEditorAccount(email, name, settings.Command["Credentials"] ?? "", EditorRoles.Administrator, password), "command line", CancellationToken.None);
        if (problems.Count > 0)
        {
            errors.WriteLine($"create-admin: the account was not created: {string.Join(" ", problems)}");
            return 1;
        }

        output.WriteLine($"create-admin: {email.Trim()} is an administrator in {path}. The shared editor token no longer signs anyone in.");
        return 0;
    }
}
