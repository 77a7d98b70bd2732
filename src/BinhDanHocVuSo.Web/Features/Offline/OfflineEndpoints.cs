using System.Text.Encodings.Web;
using System.Text.Json;

namespace BinhDanHocVuSo.Web.Features.Offline;

/// <summary>
/// What lets the site work as an installed app without a connection: the web app manifest (its texts come from
/// the shared resources). The service worker itself is <c>wwwroot/sw.js</c>, served from the root so that its
/// scope is the whole site; the page at <c>/offline</c> is what it shows for a page it never saw.
/// </summary>
public static class OfflineEndpoints
{
    public const string ThemeColor = "#0b5cad";
    static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IEndpointRouteBuilder MapOffline(this IEndpointRouteBuilder app)
    {
        app.MapGet("/manifest.webmanifest", GetManifest).ExcludeFromDescription();
        return app;
    }

    static IResult GetManifest(IStringLocalizer<SharedResource> text, HttpContext http)
    {
        http.Response.Headers.CacheControl = "public, max-age=86400";
        var manifest = new
        {
            name = text["AppName"].Value,
            short_name = text["AppShortName"].Value,
            description = text["Tagline"].Value,
            lang = "vi",
            dir = "ltr",
            start_url = "/",
            scope = "/",
            display = "standalone",
            background_color = "#ffffff",
            theme_color = ThemeColor,
            icons = new object[]
            {
                new { src = "/img/icon-192.png", sizes = "192x192", type = "image/png", purpose = "any" },
                new { src = "/img/icon-512.png", sizes = "512x512", type = "image/png", purpose = "any" },
                new { src = "/img/icon-maskable-512.png", sizes = "512x512", type = "image/png", purpose = "maskable" },
                new { src = "/img/icon.svg", sizes = "any", type = "image/svg+xml", purpose = "any" },
            },
        };
        return TypedResults.Text(JsonSerializer.Serialize(manifest, Json), "application/manifest+json; charset=utf-8");
    }
}
