using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace NerveSpasmGuide.Data.Editorial;

/// <summary>Identity for editor accounts, set up the one way the server and the <c>create-admin</c> verb both use.</summary>
public static class EditorialIdentity
{
    public const int MinimumPasswordLength = 12;
    public const int FailedAttemptsBeforeLockout = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    public static IdentityBuilder AddEditorialIdentity(this IServiceCollection services) =>
        services.AddIdentityCore<EditorAccount>(options =>
            {
                // Long passphrases are the strength; a mix of kinds is asked for as well, as clinics' own policies usually do.
                options.Password.RequiredLength = MinimumPasswordLength;
                options.Password.RequiredUniqueChars = 6;
                options.Password.RequireDigit = true;
                options.Password.RequireLowercase = true;
                options.Password.RequireUppercase = true;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.MaxFailedAccessAttempts = FailedAttemptsBeforeLockout;
                options.Lockout.DefaultLockoutTimeSpan = LockoutDuration;
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = true;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<EditorialDbContext>();
}
