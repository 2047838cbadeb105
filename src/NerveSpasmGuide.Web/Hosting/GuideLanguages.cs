using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.WebEncoders;
using Microsoft.AspNetCore.Localization;
using NerveSpasmGuide.Content.Articles;
using NerveSpasmGuide.Content.Safety;
using NerveSpasmGuide.Content.Translations;

namespace NerveSpasmGuide.Web.Hosting;

/// <summary>
/// English and Spanish: a request under <c>/es</c> is Spanish, any other English (the URL decides, never
/// Accept-Language, so a printed link always opens the same page). ASP.NET Core's request localization sets the
/// culture; the pages' words come from <c>Resources/SharedResource.es.resx</c> through <c>IStringLocalizer</c>.
/// </summary>
public static class GuideLanguages
{
    public const string English = "en";
    public const string Spanish = "es";

    public static IServiceCollection AddGuideLanguages(this IServiceCollection services)
    {
        services.AddLocalization(options => options.ResourcesPath = "Resources");

        // Spanish letters (á, ñ, ¿) as themselves rather than as character references: smaller pages, readable source.
        services.Configure<WebEncoderOptions>(options =>
            options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.BasicLatin, UnicodeRanges.Latin1Supplement));
        services.Configure<RequestLocalizationOptions>(options =>
        {
            CultureInfo[] cultures = [new(English), new(Spanish)];
            options.DefaultRequestCulture = new RequestCulture(English);
            options.SupportedCultures = cultures;
            options.SupportedUICultures = cultures;
            options.RequestCultureProviders = [new PathCultureProvider()];
        });
        return services;
    }

    public static IApplicationBuilder UseGuideLanguages(this IApplicationBuilder app) => app.UseRequestLocalization();

    public static bool IsSpanish(HttpContext context) => context.Request.Path.StartsWithSegments(SpanishPaths.Prefix, StringComparison.OrdinalIgnoreCase);

    private sealed class PathCultureProvider : RequestCultureProvider
    {
        public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext) =>
            Task.FromResult<ProviderCultureResult?>(new ProviderCultureResult(IsSpanish(httpContext) ? Spanish : English));
    }
}

/// <summary>The current page's language, for views: its code, URL prefix, dates, and the words of kinds and care levels.</summary>
public static class PageLanguage
{
    private static readonly string[] SpanishMonths =
        ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"];

    public static bool IsSpanish => CultureInfo.CurrentUICulture.Name == GuideLanguages.Spanish;

    public static string Code => IsSpanish ? GuideLanguages.Spanish : GuideLanguages.English;

    /// <summary>"/es" on Spanish pages, "" on English ones: put before a site path to stay in the page's language.</summary>
    public static string Prefix => IsSpanish ? SpanishPaths.Prefix : "";

    /// <summary>"21 November 2026", or "21 de noviembre de 2026" (the runtime has no culture data, so the months are here).</summary>
    public static string LongDate(DateOnly date) => IsSpanish
        ? $"{date.Day} de {SpanishMonths[date.Month - 1]} de {date.Year}"
        : date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    public static KindWords Words(this ArticleKind kind) =>
        IsSpanish ? kind.Info().Spanish : new KindWords(kind.PluralTitle(), kind.SingularTitle(), kind.Info().Intro);

    public static CareWording Words(this CareLevel level) => IsSpanish ? level.Spanish : level.English;
}
