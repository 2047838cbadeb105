using Microsoft.Extensions.Options;
using NerveSpasmGuide.Web.Editing;
using NerveSpasmGuide.Web.Hosting;

if (args is [ValidateCommand.Name, .. var validateArgs])
{
    return ValidateCommand.Run(validateArgs, Console.Out, Console.Error);
}

if (args is [ImportCommand.Name, .. var importArgs])
{
    return await ImportCommand.RunAsync(importArgs, Console.Out, Console.Error);
}

if (args is [ExportCommand.Name, .. var exportArgs])
{
    return await ExportCommand.RunAsync(exportArgs, Console.Out, Console.Error);
}

if (args is [CreateAdminCommand.Name, .. var createAdminArgs])
{
    return await CreateAdminCommand.RunAsync(createAdminArgs, Console.In, Console.Out, Console.Error);
}

try
{
    await GuideApp.Create(args).RunAsync();
    return 0;
}
catch (Exception ex) when (ex is GuideStartupException or OptionsValidationException)
{
    Console.Error.WriteLine($"NerveSpasmGuide cannot start: {ex.Message}");
    return 1;
}

/// <summary>Entry point; public so integration tests can host it.</summary>
public partial class Program;
