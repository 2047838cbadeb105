using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using NerveSpasmGuide.Web.Hosting;

namespace NerveSpasmGuide.Web.Pages.About;

/// <summary>/about: who publishes the guide and how to reach them, as the operator configured it.</summary>
public sealed class IndexModel(IOptions<GuideOptions> options) : PageModel
{
    public GuideOptions Guide => options.Value;

    public void OnGet()
    {
    }
}
