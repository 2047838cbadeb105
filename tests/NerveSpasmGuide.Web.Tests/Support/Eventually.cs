using System.Diagnostics;

namespace NerveSpasmGuide.Web.Tests.Support;

/// <summary>Waits for a change the site makes in the background (live reload), failing the test after a deadline.</summary>
public static class Eventually
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    public static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var stopwatch = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(stopwatch.Elapsed < Patience, "the change did not show up in time");
            await Task.Delay(20);
        }
    }
}
