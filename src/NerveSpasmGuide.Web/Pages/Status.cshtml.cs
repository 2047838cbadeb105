using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace NerveSpasmGuide.Web.Pages;

/// <summary>The friendly page for 4xx answers (re-executed by the status code pages middleware).</summary>
public sealed class StatusModel : PageModel
{
    public int Code { get; private set; }

    public string? OriginalPath { get; private set; }

    public void OnGet(int code)
    {
        Code = code is >= 400 and <= 599 ? code : 404;
        OriginalPath = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath;
        Response.StatusCode = Code;
    }
}
