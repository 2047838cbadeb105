using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using NerveSpasmGuide.Web.Hosting;

namespace NerveSpasmGuide.Web.Pages.About;

public sealed class EditorialPolicyModel(IOptions<GuideOptions> options) : PageModel
{
    public GuideOptions Guide => options.Value;

    public void OnGet()
    {
    }
}
