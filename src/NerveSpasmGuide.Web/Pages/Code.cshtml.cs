using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NerveSpasmGuide.Data.Linking;

namespace NerveSpasmGuide.Web.Pages;

/// <summary>/code/{code}: an ICD-10-CM code to its article (302), a chooser when several fit, or a 404 that offers search.</summary>
public sealed class CodeModel(CodeLookup codes) : PageModel
{
    public CodeMatch Match { get; private set; } = new("", CodeMatchLevel.None, null, []);

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        Match = codes.Find(code);
        if (Match.OnlyArticle is { } article)
        {
            return Redirect(article.Url);
        }

        Response.StatusCode = Match.Level switch
        {
            CodeMatchLevel.Invalid => StatusCodes.Status400BadRequest,
            CodeMatchLevel.None => StatusCodes.Status404NotFound,
            _ => StatusCodes.Status200OK,
        };
        return Page();
    }
}
