using System.Threading.Channels;
using Microsoft.Extensions.Options;
using NerveSpasmGuide.Data.Feedback;
using NerveSpasmGuide.Data.Search;
using NerveSpasmGuide.Web.Hosting;
using NerveSpasmGuide.Web.Performance;

namespace NerveSpasmGuide.Web.Search;

/// <summary>
/// The editors' report of searches that found nothing, or only a spelling correction. The search page leaves what it
/// found as a <see cref="PageNotes">page note</see>, which the page cache keeps with a cached results page; middleware
/// outside the page cache reads the note after every GET of <c>/search</c>, cached or not, and queues it. A hosted
/// service writes the queue to the feedback store in batches, off the request path, so writing never slows or fails a
/// search: when the queue is full, searches are dropped from the report with a logged warning.
/// </summary>
public static class SearchReporting
{
    public static IServiceCollection AddGuideSearchReport(this IServiceCollection services)
    {
        services.AddSingleton<SearchReportInbox>();
        services.AddScoped<ReportedSearch>();
        services.AddHostedService<SearchReportWriter>();
        return services;
    }

    /// <summary>Goes before the page cache, so that it sees the searches the cache answers too.</summary>
    public static IApplicationBuilder UseGuideSearchReport(this IApplicationBuilder app) => app.UseMiddleware<SearchReportMiddleware>();
}

/// <summary>The search page's one call: the search in the page's language, and the note of what the search report should count.</summary>
public sealed class ReportedSearch(ArticleSearch english, SpanishSearch spanish)
{
    /// <param name="exact">"Search instead for": the reader's follow-up to a corrected search, which was counted already.</param>
    public async Task<SearchResults> SearchAsync(HttpContext context, string? query, bool exact, CancellationToken cancellationToken)
    {
        var inSpanish = GuideLanguages.IsSpanish(context);
        var results = inSpanish ? await spanish.SearchAsync(query, exact, cancellationToken) : english.Search(query, exact);
        if (!exact && SearchMiss.Of(results, inSpanish ? SearchMiss.Spanish : SearchMiss.English) is { } miss)
        {
            PageNotes.Leave(context, miss);
        }

        return results;
    }
}

/// <summary>Searches waiting to be written to the report: a bounded queue that never makes a search wait.</summary>
public sealed partial class SearchReportInbox(ILogger<SearchReportInbox> logger)
{
    /// <summary>How many searches may wait; far more than a batch, so only a store that stopped answering fills it.</summary>
    public const int Capacity = 10_000;

    private readonly Channel<Item> channel = Channel.CreateBounded<Item>(
        new BoundedChannelOptions(Capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private long dropped;

    /// <summary>Queues one search without waiting; when the queue is full the search is left out of the report.</summary>
    public bool TryRecord(SearchMiss miss)
    {
        if (channel.Writer.TryWrite(new Item(miss, null)))
        {
            return true;
        }

        // Once, and then every thousandth, so that a flood does not also flood the log.
        var count = Interlocked.Increment(ref dropped);
        if (count == 1 || count % 1000 == 0)
        {
            LogDropped(count, Capacity);
        }

        return false;
    }

    /// <summary>Completes once every search queued before it is written (or failed to be): for tests and shutdown.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        var written = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await channel.Writer.WriteAsync(new Item(null, written), cancellationToken);
        await written.Task.WaitAsync(cancellationToken);
    }

    internal ChannelReader<Item> Reader => channel.Reader;

    /// <summary>A search to count, or a flush waiting for those before it.</summary>
    internal sealed record Item(SearchMiss? Miss, TaskCompletionSource? Flushed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Search report queue full ({Capacity} waiting): {Dropped} searches left out of the report so far")]
    private partial void LogDropped(long dropped, int capacity);
}

/// <summary>Writes queued searches to the feedback store, a batch at a time, each query once with its count.</summary>
internal sealed partial class SearchReportWriter(
    SearchReportInbox queue, FeedbackStore store, IOptions<GuideOptions> options, ILogger<SearchReportWriter> logger) : BackgroundService
{
    public const int BatchSize = 500;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await queue.Reader.WaitToReadAsync(stoppingToken))
            {
                await WriteBatchAsync();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: what is queued already is written below, so a restart loses none of it.
        }

        while (await WriteBatchAsync())
        {
        }
    }

    /// <summary>False when the queue was empty.</summary>
    private async Task<bool> WriteBatchAsync()
    {
        var counts = new Dictionary<string, (SearchMiss Miss, int Count)>(StringComparer.Ordinal);
        var flushes = new List<TaskCompletionSource>();
        var read = 0;
        while (read < BatchSize && queue.Reader.TryRead(out var item))
        {
            read++;
            if (item.Miss is { } miss)
            {
                // The outcome of the latest search of a query wins, as in the store.
                counts[miss.Query] = (miss, counts.GetValueOrDefault(miss.Query).Count + 1);
            }
            else
            {
                flushes.Add(item.Flushed!);
            }
        }

        if (counts.Count > 0)
        {
            try
            {
                await store.RecordSearchesAsync(counts.Values, options.Value.SearchReportMaxRows, CancellationToken.None);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The report is a convenience: a store that fails here must not stop the site (a failed hosted service would).
                LogNotWritten(ex, counts.Values.Sum(c => c.Count));
            }
        }

        flushes.ForEach(f => f.TrySetResult());
        return read > 0;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not write {Searches} searches to the search report")]
    private partial void LogNotWritten(Exception exception, int searches);
}

/// <summary>Queues the note a <c>/search</c> page left, after the page cache and the page have run.</summary>
internal sealed class SearchReportMiddleware(RequestDelegate next, SearchReportInbox queue)
{
    public async Task InvokeAsync(HttpContext context)
    {
        await next(context);
        if (context.Request.Path is { Value: "/search" or SpanishDirectory.SearchPath } && HttpMethods.IsGet(context.Request.Method) && PageNotes.Read(context) is SearchMiss miss)
        {
            queue.TryRecord(miss);
        }
    }
}
