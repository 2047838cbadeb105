using System.Text.Json;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using NerveSpasmGuide.Data.Linking;
using NerveSpasmGuide.Data.Queries;
using NerveSpasmGuide.Web.Hosting;

namespace NerveSpasmGuide.Web.Linking.CdsHooks;

/// <summary>
/// A CDS Hooks 2.0 service: when a clinician opens a patient's chart, the EHR sends the problem list and active
/// medicines, and gets back one "info" card linking to the guide's pages for those codes (SNOMED CT, ICD-10-CM,
/// RxNorm) and to a handout of all of them. Off (404) until an EHR is configured under Guide:CdsHooks:Clients.
/// </summary>
public static class CdsHooksEndpoint
{
    public const string ServiceId = "nerve-spasm-patient-education";
    public const string Hook = "patient-view";
    public const int MaxBodyBytes = 1024 * 1024;

    public static IServiceCollection AddGuideCdsHooks(this IServiceCollection services)
    {
        services.AddOptions<CdsHooksOptions>().BindConfiguration(CdsHooksOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<CdsHooksOptions>, CdsHooksOptionsValidator>();
        services.AddSingleton<CdsClientAuthenticator>();
        services.AddSingleton<PatientRecord>();
        services.AddHttpClient(CdsClientAuthenticator.KeySetClient).AddStandardResilienceHandler();
        services.AddHttpClient(PatientRecord.FhirClient).AddStandardResilienceHandler().Configure((resilience, provider) =>
        {
            // A short retry when the EHR's server stumbles, within a bound the EHR can wait for.
            var total = TimeSpan.FromSeconds(provider.GetRequiredService<IOptions<CdsHooksOptions>>().Value.FhirTimeoutSeconds);
            resilience.TotalRequestTimeout.Timeout = total;
            resilience.AttemptTimeout.Timeout = total / 2;
            resilience.CircuitBreaker.SamplingDuration = total * 2;
            resilience.Retry.Delay = TimeSpan.FromMilliseconds(100);
            resilience.Retry.MaxRetryAttempts = 2;
        });
        return services;
    }

    public static IEndpointRouteBuilder MapGuideCdsHooks(this IEndpointRouteBuilder app)
    {
        app.MapGet("/cds-services", (IOptions<CdsHooksOptions> options) => options.Value.Enabled ? Results.Json(Discovery) : Results.NotFound());
        app.MapPost("/cds-services/{id}", CallAsync);
        return app;
    }

    private static object Discovery { get; } = new
    {
        services = new[]
        {
            new
            {
                hook = Hook,
                id = ServiceId,
                title = "Patient education on nerve pain and muscle spasms",
                description = "Links to plain-language pages, and a handout, for the nerve-pain and spasm conditions and medicines on the patient's problem and medication lists.",
                prefetch = PatientRecord.Prefetch,
            },
        },
    };

    private static async Task<IResult> CallAsync(string id, HttpContext context, IOptions<CdsHooksOptions> options, CdsClientAuthenticator authenticator,
        PatientRecord record, CodeLookup codes, SiteUrls urls, IOptions<GuideOptions> guide, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled || id != ServiceId)
        {
            return Results.NotFound();
        }

        if (await authenticator.RefusalAsync(context.Request.Headers.Authorization.ToString() is { Length: > 0 } header ? header : null,
                urls.Absolute(context.Request, "/cds-services/" + ServiceId), cancellationToken) is { } refusal)
        {
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Not a trusted CDS client", detail: $"Refused: {refusal}.");
        }

        if (context.Request.ContentLength > MaxBodyBytes || await ReadBodyAsync(context.Request, cancellationToken) is not { } body)
        {
            return Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Request too large", detail: $"A call may be at most {MaxBodyBytes / 1024} KB.");
        }

        JsonElement json;
        try
        {
            using var document = JsonDocument.Parse(body);
            json = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Not JSON", detail: "The body of a CDS Hooks call must be JSON.");
        }

        var (call, problem) = CdsHookCall.Parse(json);
        if (call is null || call.Hook != Hook)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Not a patient-view call",
                detail: problem ?? $"This service answers the '{Hook}' hook, not '{call!.Hook}'.");
        }

        List<RecordCode> recorded;
        try
        {
            recorded = await record.CodesAsync(call, cancellationToken);
        }
        catch (InvalidDataException ex)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Prefetch not readable", detail: ex.Message);
        }

        var articles = recorded.SelectMany(c => codes.Find(c.System, c.Code).Articles).DistinctBy(a => a.Slug).ToList();
        loggers.CreateLogger(typeof(CdsHooksEndpoint)).LogInformation("CDS Hooks {Hook}: {Codes} codes in the record, {Articles} pages", call.Hook, recorded.Count, articles.Count);
        return Results.Json(new { cards = articles.Count == 0 ? [] : new[] { Card(articles, guide.Value.SiteName, path => urls.Absolute(context.Request, path)) } });
    }

    /// <summary>The body, or null when it is longer than <see cref="MaxBodyBytes"/> (a missing Content-Length is counted as read).</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static object Card(List<ArticleCard> articles, string siteName, Func<string, string> absolute)
    {
        var handout = SitePaths.HandoutPath(articles.Take(HandoutQueries.MaxArticles).Select(a => a.Slug));
        var summary = articles.Count == 1
            ? $"Patient information: {articles[0].Title}"
            : $"Patient information: {articles.Count} pages for this patient's problems and medicines";
        return new
        {
            uuid = Guid.NewGuid(),
            summary = summary.Length < 140 ? summary : summary[..136] + "…",
            indicator = "info",
            detail = "Plain-language pages to share with the patient, each with the warning signs that mean getting help. They give general information and do not replace the clinician's advice.",
            source = new { label = siteName, url = absolute("/about") },
            links = articles.Select(a => new { label = a.Title, url = absolute(a.Url), type = "absolute" })
                .Append(new { label = articles.Count == 1 ? "Printable handout" : $"Printable handout of all {Math.Min(articles.Count, HandoutQueries.MaxArticles)} pages", url = absolute(handout), type = "absolute" })
                .ToList(),
        };
    }
}
