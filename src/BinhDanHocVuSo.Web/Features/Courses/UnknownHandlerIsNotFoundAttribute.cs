using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace BinhDanHocVuSo.Web.Features.Courses;

/// <summary>
/// A request naming a handler the page does not have (<c>?handler=x</c>, or a POST to a page that only shows) is
/// answered 404 "Không tìm thấy trang này". Without it Razor Pages renders the page with no handler run, so with no
/// model, and fails with a 500.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class UnknownHandlerIsNotFoundAttribute : Attribute, IPageFilter
{
    public void OnPageHandlerSelected(PageHandlerSelectedContext context)
    {
    }

    public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        if (context.HandlerMethod is null)
        {
            context.Result = new NotFoundResult();
        }
    }

    public void OnPageHandlerExecuted(PageHandlerExecutedContext context)
    {
    }
}
