using NerveSpasmGuide.Web.Hosting;

namespace NerveSpasmGuide.Web.Editing;

/// <summary>
/// The settings of a command-line verb, read as the server reads its own: the host's configuration (appsettings.json,
/// environment variables such as <c>Guide__ContentPath</c>), then the command line, where <c>--Guide:ContentPath=DIR</c>
/// works as for the server and <c>--content</c>, <c>--database</c> and <c>--format</c> are short forms.
/// </summary>
internal sealed record CommandConfiguration(GuideOptions Guide, IConfigurationSection Command)
{
    public string Format => Command["Format"] ?? "text";

    public string? Out => Command["Out"];

    private static readonly Dictionary<string, string> ShortForms = new(StringComparer.OrdinalIgnoreCase)
    {
        ["--content"] = "Guide:ContentPath",
        ["--database"] = "Guide:DatabasePath",
        ["--format"] = "Command:Format",
        ["--out"] = "Command:Out",
        ["--email"] = "Command:Email",
        ["--name"] = "Command:Name",
        ["--credentials"] = "Command:Credentials",
    };

    /// <summary>Null (with the reason written to <paramref name="errors"/>) when the command line cannot be read.</summary>
    public static CommandConfiguration? Read(IReadOnlyList<string> args, TextWriter errors, string usage)
    {
        if (FirstUnexpected(args) is { } unexpected)
        {
            errors.WriteLine($"unexpected argument '{unexpected}'. Usage: {usage}");
            return null;
        }

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], ContentRootPath = AppContext.BaseDirectory });
        try
        {
            builder.Configuration.AddCommandLine([.. args], ShortForms);
        }
        catch (FormatException ex)
        {
            errors.WriteLine($"{ex.Message} Usage: {usage}");
            return null;
        }

        var guide = builder.Configuration.GetSection(GuideOptions.Section).Get<GuideOptions>() ?? new GuideOptions();
        return new CommandConfiguration(guide, builder.Configuration.GetSection("Command"));
    }

    /// <summary>Only Guide settings and the short forms, each with its value (after '=' or as the next argument).</summary>
    private static string? FirstUnexpected(IReadOnlyList<string> args)
    {
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal) || !IsKnown(arg))
            {
                return arg;
            }

            if (!arg.Contains('=', StringComparison.Ordinal) && (++i >= args.Count || args[i].StartsWith("--", StringComparison.Ordinal)))
            {
                return arg;
            }
        }

        return null;
    }

    private static bool IsKnown(string arg)
    {
        var key = arg.Split('=', 2)[0];
        return ShortForms.ContainsKey(key) || key.StartsWith("--" + GuideOptions.Section + ":", StringComparison.OrdinalIgnoreCase);
    }
}
