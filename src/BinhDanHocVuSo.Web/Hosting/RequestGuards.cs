using BinhDanHocVuSo.Web.Features.Errors;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.Core.Infrastructure;

namespace BinhDanHocVuSo.Web.Hosting;

/// <summary>
/// Requests that no page can handle are refused with a 400 before they reach one: a NUL character or half of a
/// surrogate pair in the path, the query string or a form (PostgreSQL cannot store either), and a form that cannot
/// be read (malformed, or beyond the form limits).
/// </summary>
public static class RequestGuards
{
    public static IApplicationBuilder UseRequestGuards(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        // The error page re-executes the same request: let it through to show the reason.
        if (http.Features.Get<IStatusCodeReExecuteFeature>() is not null)
        {
            await next(http);
            return;
        }
        if (!IsClean(http.Request.Path.Value) || http.Request.Query.Any(pair => !IsClean(pair.Key) || pair.Value.Any(v => !IsClean(v))))
        {
            ErrorText.Refuse(http, StatusCodes.Status400BadRequest, "ForbiddenCharacters");
            return;
        }
        if (http.Request.HasFormContentType)
        {
            // The form is read here, before the page: a page's own body limit ([BodyLimit]) must apply now or never.
            if (http.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>() is { } limit
                && http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } body)
            {
                body.MaxRequestBodySize = limit.MaxRequestBodySize;
            }
            IFormCollection form;
            try
            {
                form = await http.Request.ReadFormAsync(http.RequestAborted);
            }
            catch (Exception e) when (e is InvalidDataException or BadHttpRequestException)
            {
                ErrorText.Refuse(http, StatusCodes.Status400BadRequest, "UnreadableForm");
                return;
            }
            if (form.Any(pair => !IsClean(pair.Key) || pair.Value.Any(v => !IsClean(v))) || form.Files.Any(f => !IsClean(f.FileName)))
            {
                ErrorText.Refuse(http, StatusCodes.Status400BadRequest, "ForbiddenCharacters");
                return;
            }
        }
        await next(http);
    });

    /// <summary>No NUL and no lone surrogate: text that every database stores as it was sent.</summary>
    public static bool IsClean(string? text)
    {
        if (text is null)
        {
            return true;
        }
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\0' || char.IsLowSurrogate(c))
            {
                return false;
            }
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                {
                    return false;
                }
                i++;
            }
        }
        return true;
    }
}

/// <summary>
/// A page asked for a method or a handler it does not have (a POST to a poster, <c>?handler=nope</c>) would render
/// without its handler having run, and fail on the model it did not load: answer 405 or 400 instead. Also names the
/// reason of a failed anti-forgery check for the error page.
/// </summary>
sealed class MissingHandlerFilter : IPageFilter, IAlwaysRunResultFilter
{
    public void OnPageHandlerSelected(PageHandlerSelectedContext context)
    {
    }

    public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        var handlers = context.ActionDescriptor.HandlerMethods;
        if (context.HandlerMethod is not null || handlers.Count == 0)
        {
            return;
        }
        var http = context.HttpContext;
        var method = HttpMethods.IsHead(http.Request.Method) ? HttpMethods.Get : http.Request.Method;
        if (handlers.Any(h => string.Equals(h.HttpMethod, method, StringComparison.OrdinalIgnoreCase)))
        {
            ErrorText.Refuse(http, StatusCodes.Status400BadRequest, "UnknownHandler");
        }
        else
        {
            http.Response.Headers.Allow = string.Join(", ", handlers.Select(h => h.HttpMethod.ToUpperInvariant()).Distinct());
            ErrorText.Refuse(http, StatusCodes.Status405MethodNotAllowed, "MethodNotAllowed");
        }
        context.Result = new StatusCodeResult(http.Response.StatusCode);
    }

    public void OnPageHandlerExecuted(PageHandlerExecutedContext context)
    {
    }

    public void OnResultExecuting(ResultExecutingContext context)
    {
        if (context.Result is IAntiforgeryValidationFailedResult)
        {
            context.HttpContext.Items[ErrorText.ReasonKey] = "ExpiredForm";
        }
    }

    public void OnResultExecuted(ResultExecutedContext context)
    {
    }
}

/// <summary>
/// The largest body a page accepts. The request guard reads every form before the page does, so it applies this
/// limit then (MVC's <c>[RequestSizeLimit]</c> filter would come too late, after the body was read).
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class BodyLimitAttribute(long bytes) : Attribute, IRequestSizeLimitMetadata
{
    public long? MaxRequestBodySize => bytes;
}
