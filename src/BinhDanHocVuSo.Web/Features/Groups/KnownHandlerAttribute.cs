using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Localization;

namespace BinhDanHocVuSo.Web.Features.Groups;

/// <summary>
/// A request whose handler the page does not have (a POST without <c>?handler=</c> on a page without <c>OnPost</c>, or
/// <c>?handler=nope</c>) answers 400 with a Vietnamese message instead of rendering the page without its data.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class KnownHandlerAttribute : Attribute, IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (context.HandlerMethod is not null)
        {
            return next();
        }
        var text = context.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<GroupText>>();
        context.Result = new ContentResult
        {
            StatusCode = StatusCodes.Status400BadRequest, ContentType = "text/plain; charset=utf-8", Content = text["UnknownAction"],
        };
        return Task.CompletedTask;
    }
}
