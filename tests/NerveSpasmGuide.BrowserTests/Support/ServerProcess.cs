using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace NerveSpasmGuide.BrowserTests.Support;

/// <summary>The real application, started as its own process on a free loopback port, as an operator would run it.</summary>
public sealed partial class ServerProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly ConcurrentQueue<string> output = new();
    private readonly TaskCompletionSource<Uri> listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ServerProcess(Process process)
    {
        this.process = process;
        process.OutputDataReceived += (_, e) => Receive(e.Data);
        process.ErrorDataReceived += (_, e) => Receive(e.Data);
    }

    public Uri BaseAddress { get; private set; } = null!;

    public IReadOnlyCollection<string> Output => output;

    public bool HasExited => process.HasExited;

    public int ExitCode => process.ExitCode;

    /// <summary>Starts the site; returns once it listens, or once it has exited (for start-up failure tests).</summary>
    public static Task<ServerProcess> StartAsync(string contentPath, string databasePath, params string[] extraArguments) =>
        LaunchAsync(RepositoryPaths.WebAssembly, RepositoryPaths.WebProject,
            ["--contentRoot", RepositoryPaths.WebProject, $"--Guide:ContentPath={contentPath}", $"--Guide:DatabasePath={databasePath}", FeedbackBeside(databasePath), EditorialBeside(databasePath), .. extraArguments]);

    /// <summary>Starts a published copy of the site from <paramref name="workingDirectory"/>, with no content root given, as a systemd unit would.</summary>
    public static Task<ServerProcess> StartPublishedAsync(string appFolder, string workingDirectory, string contentPath, string databasePath, params string[] extraArguments) =>
        LaunchAsync(Path.Combine(appFolder, "NerveSpasmGuide.Web.dll"), workingDirectory,
            [$"--Guide:ContentPath={contentPath}", $"--Guide:DatabasePath={databasePath}", FeedbackBeside(databasePath), EditorialBeside(databasePath), .. extraArguments]);

    /// <summary>The feedback store in the test's own data folder (a later argument may name another).</summary>
    private static string FeedbackBeside(string databasePath) => $"--Guide:FeedbackDatabasePath={Path.Combine(Path.GetDirectoryName(databasePath)!, "feedback.db")}";

    /// <summary>The editorial store in the test's own data folder too.</summary>
    private static string EditorialBeside(string databasePath) => $"--Guide:EditorialDatabasePath={Path.Combine(Path.GetDirectoryName(databasePath)!, "editorial.db")}";

    private static async Task<ServerProcess> LaunchAsync(string assembly, string workingDirectory, string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in (string[])[assembly, "--urls", "http://127.0.0.1:0", .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_NOLOGO"] = "1";
        var server = new ServerProcess(Process.Start(start)!);
        server.process.BeginOutputReadLine();
        server.process.BeginErrorReadLine();
        var exited = server.process.WaitForExitAsync();
        var first = await Task.WhenAny(server.listening.Task, exited, Task.Delay(TimeSpan.FromSeconds(60)));
        if (first == server.listening.Task)
        {
            server.BaseAddress = await server.listening.Task;
        }
        else if (first != exited)
        {
            await server.DisposeAsync();
            throw new TimeoutException("the site did not start within 60 s:\n" + string.Join('\n', server.output));
        }

        return server;
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cancel.Token);
        return process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private void Receive(string? line)
    {
        if (line is null)
        {
            return;
        }

        output.Enqueue(line);
        if (ListeningLine().Match(line) is { Success: true } match)
        {
            listening.TrySetResult(new Uri(match.Groups[1].Value));
        }
    }

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningLine();
}
