using NerveSpasmGuide.Content.Loading;
using NerveSpasmGuide.Data.Import;
using NerveSpasmGuide.TestSupport;

namespace NerveSpasmGuide.Data.Tests.Import;

public sealed class FullStoreWriterTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("nsg-writer-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task WhenTheStoreCannotBeMadeNoRendererIsLeftWaitingAndTheImportFailsWithTheReason()
    {
        var content = ContentLoader.Load(Path.Combine(Repository.Root, "content"));
        var articles = content.Articles;
        using var writer = new FullStoreWriter(Path.Combine(folder, "guide.db"), Task.FromException(new IOException("no space left on the device")), largeCache: false);
        writer.Start([.. articles.Select(a => a.Slug)]);

        // Far more pages than the writer's queue holds, from several threads, as the renderers hand them over.
        var adding = Task.Run(() => Parallel.For(0, 20 * 64, i => writer.Add(articles[i % articles.Count])));

        var finished = await Task.WhenAny(adding, Task.Delay(TimeSpan.FromSeconds(60)));
        Assert.True(finished == adding, "renderers are still waiting for a writer that has failed");
        var error = await Assert.ThrowsAsync<IOException>(() => writer.FinishAsync(content));
        Assert.Equal("no space left on the device", error.Message);
    }
}
