using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NerveSpasmGuide.Content.Articles;
using NerveSpasmGuide.Data.Linking;

namespace NerveSpasmGuide.Web.Pages;

/// <summary>
/// /code/{code} (ICD-10-CM), /code/snomed/{id} and /code/rxnorm/{rxcui}: a code to its article (302), a chooser when
/// several fit, a 404 that offers search, or a 400 when the code is not shaped like one of its system.
/// </summary>
public sealed class CodeModel(CodeLookup codes) : PageModel
{
    public CodeMatch Match { get; private set; } = new(CodeSystems.Icd10Cm, "", CodeMatchLevel.None, null, []);

    public IActionResult OnGet(string code, string? system)
    {
        var info = system is null ? CodeSystems.Icd10Cm : CodeSystems.All.FirstOrDefault(s => s.PathSegment.Length > 0 && s.PathSegment == system);
        if (info is null)
        {
            return NotFound();
        }

        Match = codes.Find(info.System, code);
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
