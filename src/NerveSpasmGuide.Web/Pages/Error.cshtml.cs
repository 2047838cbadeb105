using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace NerveSpasmGuide.Web.Pages;

/// <summary>The 500 page: re-executed with the failed request's method, so it is set up before any handler is chosen.</summary>
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public string RequestId { get; private set; } = "";

    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context) => RequestId = HttpContext.TraceIdentifier;

    public void OnGet()
    {
    }
}
