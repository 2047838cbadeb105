using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using NerveSpasmGuide.Data.Feedback;
using NerveSpasmGuide.Data.Publishing;
using NerveSpasmGuide.Data.Queries;
using NerveSpasmGuide.Web.Feedback;
using NerveSpasmGuide.Web.Hosting;

namespace NerveSpasmGuide.Web.Pages;

/// <summary>
/// Receives "Was this page helpful?" from the form at the end of every article and answers with a thank-you page.
/// The article page carries no anti-forgery token (it is the same for every reader, and cached): cross-site posts
/// are refused by <see cref="SameOriginPostsAttribute"/> instead, and answers per client are rate-limited.
/// </summary>
[IgnoreAntiforgeryToken]
[SameOriginPosts]
[EnableRateLimiting(FeedbackServices.RateLimitPolicy)]
[RequestSizeLimit(MaxBodyBytes)]
public sealed class FeedbackModel(FeedbackStore store, RequestSite site) : PageModel
{
    /// <summary>Room for a 500-character comment of 4-byte characters, percent-encoded (12 bytes each), and the other fields.</summary>
    public const int MaxBodyBytes = 8 * 1024;

    private static readonly FormOptions Limits = new() { KeyLengthLimit = 32, ValueLengthLimit = MaxBodyBytes, ValueCountLimit = 8 };

    public ArticleCard Article { get; private set; } = null!;

    public bool Helpful { get; private set; }

    public bool Commented { get; private set; }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!Request.HasFormContentType || Request.ContentType?.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase) == true)
        {
            return StatusCode(StatusCodes.Status415UnsupportedMediaType);
        }

        if (Request.ContentLength > MaxBodyBytes)
        {
            return StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        IFormCollection form;
        try
        {
            form = await Request.ReadFormAsync(Limits, cancellationToken);
        }
        catch (Exception ex) when (ex is InvalidDataException or BadHttpRequestException)
        {
            return BadRequest();
        }

        if (form["article"] is not [{ } slug] || form["helpful"] is not [{ } helpful] || form["comment"].Count > 1 ||
            helpful is not ("yes" or "no") || !FeedbackRules.TryNormalizeComment(form["comment"].ToString(), out var comment))
        {
            return BadRequest();
        }

        if (!site.Directory.BySlug.TryGetValue(slug, out var article))
        {
            return NotFound();
        }

        // From a Spanish page (/es/feedback), the thank-you page is Spanish and leads back to the Spanish page.
        if (GuideLanguages.IsSpanish(HttpContext))
        {
            article = site.Directory.Spanish.BySlug.GetValueOrDefault(slug) ?? article;
        }

        Article = article;
        Helpful = helpful == "yes";
        Commented = comment is not null;
        await store.RecordAsync(new FeedbackAnswer(article.Slug, Helpful, comment), cancellationToken);
        Response.Headers.CacheControl = "no-store";
        return Page();
    }
}
