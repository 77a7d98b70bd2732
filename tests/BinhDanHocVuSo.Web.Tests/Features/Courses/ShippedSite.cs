using BinhDanHocVuSo.Content.Courses;
using BinhDanHocVuSo.Web.Features.Courses;
using BinhDanHocVuSo.Web.Hosting;
using BinhDanHocVuSo.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace BinhDanHocVuSo.Web.Tests.Features.Courses;

/// <summary>
/// The platform serving the shipped courses, shared by tests that only read pages. Static assets are served as
/// after <c>dotnet publish</c> (headers from the manifest), not with the development-time "no-cache" rewrite.
/// </summary>
public sealed class ShippedSite : IAsyncLifetime
{
    TestDatabase _database = null!;

    public Platform Platform { get; private set; } = null!;
    WebApplicationFactory<Program> _site = null!;

    public CourseCatalog Catalog => _site.Services.GetRequiredService<ICourseCatalogSource>().Current;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var settings = Platform.ShippedCourses();
        settings["ReloadStaticAssetsAtRuntime"] = "false";
        Platform = new Platform(_database, settings);
        // A build (unlike a publish) keeps the compressed CSS and JS beside the project, not in wwwroot: without
        // this, a browser accepting gzip gets an empty file outside Development. Hosting should do the same.
        _site = Platform.WithWebHostBuilder(web => web.UseStaticWebAssets());
        _ = _site.Server;
    }

    public async Task DisposeAsync()
    {
        await Platform.DisposeAsync();
        await _database.DisposeAsync();
    }

    /// <summary>A client that keeps cookies (the guest learner) and does not follow redirects.</summary>
    public HttpClient Browser() => _site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>The anchors and sources of <paramref name="html"/> that point to this site's CSS and JS.</summary>
    public static IReadOnlyList<string> StylesAndScripts(string html) =>
        [.. System.Text.RegularExpressions.Regex.Matches(html, "<(?:link[^>]*rel=\"stylesheet\"[^>]*href|script[^>]*src)=\"(/[^\"]+)\"")
            .Select(m => m.Groups[1].Value)];
}
