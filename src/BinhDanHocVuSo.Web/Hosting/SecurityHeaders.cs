namespace BinhDanHocVuSo.Web.Hosting;

public static class SecurityHeaders
{
    // Scripts only from our own files (no inline script), nothing framed, nothing sniffed.
    const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    // Pages and exports about one person or group: never kept by a browser, a shared phone's history or a proxy.
    static readonly string[] PersonalPaths = ["/api/progress", "/account", "/admin", "/groups", "/trainer", "/survey", "/join"];

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((http, next) =>
        {
            var headers = http.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            http.Response.OnStarting(() =>
            {
                if (IsPersonal(http))
                {
                    http.Response.Headers.CacheControl = "no-store";
                }
                return Task.CompletedTask;
            });
            return next(http);
        });

    /// <summary>
    /// A personal path, or any answer to a signed-in person that did not say itself how it may be kept (static files,
    /// course images and the catalogue do; the lesson pages kept in the output cache are those of visitors without cookies).
    /// </summary>
    static bool IsPersonal(HttpContext http)
    {
        var path = http.Request.Path;
        if (PersonalPaths.Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }
        return http.User.Identity?.IsAuthenticated == true
            && string.IsNullOrEmpty(http.Response.Headers.CacheControl)
            && !path.StartsWithSegments("/api/courses", StringComparison.OrdinalIgnoreCase);
    }
}
