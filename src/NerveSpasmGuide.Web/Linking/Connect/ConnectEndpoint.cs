using System.ComponentModel.DataAnnotations;
using System.Text;
using System.Text.Json;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using NerveSpasmGuide.Content.Articles;
using NerveSpasmGuide.Content.Translations;
using NerveSpasmGuide.Data.Linking;
using NerveSpasmGuide.Data.Publishing;
using NerveSpasmGuide.Data.Queries;
using NerveSpasmGuide.Data.Search;
using NerveSpasmGuide.Web.Hosting;

namespace NerveSpasmGuide.Web.Linking.Connect;

/// <summary>The "Guide:Connect" configuration section.</summary>
public sealed class ConnectOptions
{
    public const string Section = "Guide:Connect";

    /// <summary>Requests each client (by address) may make in a minute, as MedlinePlus Connect allows 100.</summary>
    [Range(1, 100_000)]
    public int RequestsPerMinute { get; set; } = 100;
}

/// <summary>How an entry was found: by the code sent, or by searching its display name when the code matched nothing.</summary>
public enum ConnectMatch
{
    Code,
    Text,
}

/// <param name="LanguageNote">Set when Spanish was asked for and this page has no Spanish version yet.</param>
public sealed record ConnectEntry(ArticleCard Article, ConnectMatch Match, string? AudienceNote, string? LanguageNote = null);

/// <summary>
/// /connect, the MedlinePlus Connect request form (HL7 Infobutton URL style) for ICD-10-CM, SNOMED CT and RxNorm codes,
/// with a search of the display name when the code matches no page. Rate-limited per client address.
/// </summary>
public static class ConnectEndpoint
{
    public const string RateLimitPolicy = "connect";
    public const int MaxTextHits = 5;
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false, DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    public static IServiceCollection AddGuideConnect(this IServiceCollection services)
    {
        services.AddOptions<ConnectOptions>().BindConfiguration(ConnectOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddRateLimiter(options => options.AddPolicy(RateLimitPolicy, context =>
        {
            var perMinute = context.RequestServices.GetRequiredService<IOptions<ConnectOptions>>().Value.RequestsPerMinute;
            return RateLimitPartition.GetFixedWindowLimiter(ClientAddress.Of(context),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
        }));
        return services;
    }

    public static IEndpointRouteBuilder MapGuideConnect(this IEndpointRouteBuilder app)
    {
        app.MapGet("/connect", ConnectAsync).RequireRateLimiting(RateLimitPolicy);
        return app;
    }

    private static async Task<IResult> ConnectAsync(HttpContext context, CodeLookup codes, ArticleSearch search, SpanishQueries spanish, RequestSite site, SiteUrls urls,
        TimeProvider clock, IOptions<GuideOptions> guide, CancellationToken cancellationToken)
    {
        var (request, problem) = InfobuttonRequest.Parse(context.Request.Query);
        if (request is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: problem!.Value.Title, detail: problem.Value.Detail);
        }

        var match = request.System is { } system ? codes.Find(system.System, request.Code) : null;
        List<ConnectEntry> entries = [.. (match?.Articles ?? []).Select(a => Entry(a, ConnectMatch.Code, request, site))];
        if (entries.Count == 0 && request.SearchText is { } text)
        {
            var results = search.Search(text, exact: false);
            entries = [.. results.Hits.Take(MaxTextHits).Select(h => Entry(h.Article, ConnectMatch.Text, request, site))];
        }

        if (request.WantsSpanish)
        {
            var cards = await spanish.CardsAsync(cancellationToken);
            entries = [.. entries.Select(e => cards.TryGetValue(e.Article.Slug, out var card)
                ? e with { Article = card }
                : e with { LanguageNote = "Esta página aún no está en español; el enlace abre la página en inglés." })];
        }

        string Absolute(string path) => urls.Absolute(context.Request, path);
        return request.ResponseType switch
        {
            "application/json" => Results.Json(new { feed = JsonFeed(guide.Value.SiteName, request, match, entries, Absolute) }, Json),
            "text/xml" => Results.Text(AtomFeed(guide.Value.SiteName, request, match, entries, Absolute, clock.GetUtcNow()), "application/atom+xml", Encoding.UTF8),
            _ => Results.Redirect(HtmlTarget(request, match, entries)),
        };
    }

    private static ConnectEntry Entry(ArticleCard article, ConnectMatch how, InfobuttonRequest request, RequestSite site)
    {
        var audience = site.Directory.Audiences.GetValueOrDefault(article.Slug);
        var note = (audience, request.Age) switch
        {
            (Audience.Adults, { IsChild: true }) => "This page is written for adults; the request is for a child.",
            (Audience.Children, { IsChild: false }) => "This page is written for children and their families; the request is for an adult.",
            _ => null,
        };
        return new ConnectEntry(article, how, note);
    }

    /// <summary>One page: go there. Several: the code's chooser, or the search for the words sent. None: the code's 404 page, which offers search.</summary>
    private static string HtmlTarget(InfobuttonRequest request, CodeMatch? match, List<ConnectEntry> entries)
    {
        if (entries.Count == 1)
        {
            return entries[0].Article.Url;
        }

        if (match is not null && (match.Articles.Count > 0 || request.SearchText is null))
        {
            var segment = match.System.PathSegment.Length == 0 ? "" : match.System.PathSegment + "/";
            return $"/code/{segment}{Uri.EscapeDataString(match.Code)}";
        }

        return (request.WantsSpanish ? SpanishPaths.Prefix : "") + "/search?q=" + Uri.EscapeDataString(request.SearchText ?? "");
    }

    private static string Subtitle(InfobuttonRequest request, CodeMatch? match, List<ConnectEntry> entries)
    {
        var about = match is not null ? $"{match.System.Name} {match.Code}" : $"'{InfobuttonRequest.Echo(request.SearchText ?? "")}'";
        var how = entries.Count > 0 && entries[0].Match == ConnectMatch.Text
            ? (match is null ? ", found by searching the words sent" : ": no page lists this code; these pages match the words sent")
            : "";
        return $"Patient information for {about}{how}" + (request.LanguageNote is null ? "" : $". {request.LanguageNote}");
    }

    /// <summary>What the request asked, echoed so a record system can show what it was answered for (as MedlinePlus does).</summary>
    private static object RequestContext(InfobuttonRequest request, CodeMatch? match) => new
    {
        code = match?.Code,
        codeSystem = request.System?.Oid,
        codeSystemName = request.System?.Name,
        displayName = request.DisplayName is null ? null : InfobuttonRequest.Echo(request.DisplayName),
        originalText = request.OriginalText is null ? null : InfobuttonRequest.Echo(request.OriginalText),
        informationRecipient = request.Recipient switch
        {
            InformationRecipient.Patient => "PAT",
            InformationRecipient.Provider => "PROV",
            _ => null,
        },
        language = request.Language.Length == 0 ? null : InfobuttonRequest.Echo(request.Language),
        age = request.Age is null ? null : new { value = request.Age.Value, unit = request.Age.Unit },
        gender = request.Gender,
    };

    private static object JsonFeed(string siteName, InfobuttonRequest request, CodeMatch? match, List<ConnectEntry> entries, Func<string, string> absolute) => new
    {
        title = siteName,
        subtitle = Subtitle(request, match, entries),
        language = request.WantsSpanish ? "es" : "en",
        languageNote = request.LanguageNote,
        request = RequestContext(request, match),
        code = match?.Code,
        codeSystem = request.System?.Oid,
        displayName = request.DisplayName is null ? null : InfobuttonRequest.Echo(request.DisplayName),
        entry = entries.Select(e => new
        {
            title = e.Article.Title,
            link = absolute(e.Article.Url),
            summary = e.Article.Summary,
            alsoCalled = e.Article.AlsoCalled,
            match = e.Match == ConnectMatch.Code ? "code" : "text",
            audienceNote = e.AudienceNote,
            language = e.Article.Language,
            languageNote = e.LanguageNote,
        }),
    };

    private static string AtomFeed(string siteName, InfobuttonRequest request, CodeMatch? match, List<ConnectEntry> entries, Func<string, string> absolute, DateTimeOffset now)
    {
        // The request's context as feed categories (urn:nervespasmguide:request:code = 23056005, and so on).
        var context = new List<(string Scheme, string Term)>();
        foreach (var field in JsonSerializer.SerializeToElement(RequestContext(request, match), Json).EnumerateObject())
        {
            if (field.Value.ValueKind == JsonValueKind.Object)
            {
                context.AddRange(field.Value.EnumerateObject().Select(inner => ($"urn:nervespasmguide:request:{field.Name}.{inner.Name}", inner.Value.ToString())));
            }
            else
            {
                context.Add(($"urn:nervespasmguide:request:{field.Name}", field.Value.ToString()));
            }
        }

        return Encoding.UTF8.GetString(new Linking.AtomFeed(
            $"urn:nervespasmguide:connect:{match?.Code ?? "text"}",
            siteName,
            siteName,
            now,
            [.. entries.Select(e => new AtomEntry(absolute(e.Article.Url), e.Article.Title, e.Article.Summary, now, e.Article.AlsoCalled)
            {
                Categories =
                [
                    ("urn:nervespasmguide:match", e.Match == ConnectMatch.Code ? "code" : "text"),
                    .. e.AudienceNote is null ? Array.Empty<(string, string)>() : [("urn:nervespasmguide:audience-note", e.AudienceNote)],
                ],
            })])
        {
            Language = request.WantsSpanish ? "es" : "en",
            Subtitle = Subtitle(request, match, entries),
            Categories = context,
        }.ToUtf8());
    }
}
