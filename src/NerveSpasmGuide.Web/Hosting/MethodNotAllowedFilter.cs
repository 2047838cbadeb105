using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace NerveSpasmGuide.Web.Hosting;

/// <summary>
/// Razor Pages renders a page even when no handler matches the method (PUT, TRACE...), which would run a page whose
/// model was never loaded. Those requests get 405 with the methods the page does answer.
/// </summary>
internal sealed class MethodNotAllowedFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var reExecuted = context.HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null ||
                         context.HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerPathFeature>() is not null;
        if (context.HandlerMethod is null && !reExecuted)
        {
            var allowed = context.ActionDescriptor.HandlerMethods.Select(h => h.HttpMethod.ToUpperInvariant()).Distinct().ToList();
            if (allowed.Contains("GET"))
            {
                allowed.Add("HEAD");
            }

            context.HttpContext.Response.Headers.Allow = string.Join(", ", allowed);
            context.Result = new StatusCodeResult(StatusCodes.Status405MethodNotAllowed);
            return Task.CompletedTask;
        }

        return next();
    }
}
