namespace BinhDanHocVuSo.Web.Features.Errors;

/// <summary>Marker for the error pages' strings in <c>Resources/Features/Errors/ErrorText.resx</c> (Vietnamese).</summary>
public sealed class ErrorText
{
    /// <summary>The <see cref="HttpContext.Items"/> key under which a middleware or filter leaves the resource key of why it refused a request.</summary>
    public const string ReasonKey = "bdhvs.error-reason";

    /// <summary>Refuses the request with <paramref name="status"/> and no body; <c>/loi/{status}</c> then shows the reason.</summary>
    public static void Refuse(HttpContext http, int status, string reason)
    {
        http.Items[ReasonKey] = reason;
        http.Response.StatusCode = status;
    }
}
