using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace NerveSpasmGuide.Web.Pages;

/// <summary>
/// The friendly page for 4xx answers, re-executed by the status code pages middleware with the original request's
/// method (a POST or PUT too), so it is set up before any handler is chosen and needs no anti-forgery token.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class StatusModel : PageModel
{
    public int Code { get; private set; }

    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        Code = int.TryParse(RouteData.Values["code"]?.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var code) && code is >= 400 and <= 599 ? code : 404;
        Response.StatusCode = Code;
    }

    public void OnGet()
    {
    }
}
