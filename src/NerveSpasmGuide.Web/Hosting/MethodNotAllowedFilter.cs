using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace NerveSpasmGuide.Web.Hosting;

/// <summary>
/// Razor Pages renders a page even when no handler matches the method (PUT, TRACE...), which would run a page whose
/// model was never loaded. Those requests get 405 with the methods the page does answer. The check runs first as an
/// authorization filter, ahead of anti-forgery validation (which would otherwise answer an unsafe method with 400),
/// and again once the handler is selected, for a method the page has only under another handler name.
/// </summary>
internal sealed class MethodNotAllowedFilter : IAsyncAuthorizationFilter, IAsyncPageFilter
{
    public Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var method = context.HttpContext.Request.Method;
        if (context.ActionDescriptor is CompiledPageActionDescriptor page && !IsReExecuted(context.HttpContext) &&
            !HttpMethods.IsOptions(method) && !Allowed(page).Contains(method.ToUpperInvariant()))
        {
            context.Result = MethodNotAllowed(context.HttpContext, page);
        }

        return Task.CompletedTask;
    }

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (context.HandlerMethod is null && !IsReExecuted(context.HttpContext))
        {
            context.Result = MethodNotAllowed(context.HttpContext, context.ActionDescriptor);
            return Task.CompletedTask;
        }

        return next();
    }

    private static bool IsReExecuted(HttpContext context) =>
        context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null ||
        context.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerPathFeature>() is not null;

    private static List<string> Allowed(CompiledPageActionDescriptor page)
    {
        var allowed = page.HandlerMethods.Select(h => h.HttpMethod.ToUpperInvariant()).Distinct().ToList();
        if (allowed.Contains("GET"))
        {
            allowed.Add("HEAD");
        }

        return allowed;
    }

    private static StatusCodeResult MethodNotAllowed(HttpContext context, CompiledPageActionDescriptor page)
    {
        context.Response.Headers.Allow = string.Join(", ", Allowed(page));
        return new StatusCodeResult(StatusCodes.Status405MethodNotAllowed);
    }
}
