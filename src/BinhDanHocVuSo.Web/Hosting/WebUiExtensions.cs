using System.IO.Compression;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.HttpLogging;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.WebEncoders;

namespace BinhDanHocVuSo.Web.Hosting;

public static class WebUiExtensions
{
    /// <summary>The setting MapStaticAssets reads to re-read files at every request (true by default for a build).</summary>
    public const string ReloadStaticAssetsKey = "ReloadStaticAssetsAtRuntime";

    public const string TrustedProxiesKey = NetworkOptions.Section + ":" + nameof(NetworkOptions.TrustedProxies);

    /// <summary>Server-rendered Vietnamese pages for phones: Razor Pages under <c>Features/</c>, UTF-8 text, compression, request logs.</summary>
    public static WebApplicationBuilder AddWebUi(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        // Outside Development a plain build (not a publish) would serve empty CSS and JS without this.
        builder.WebHost.UseStaticWebAssets();
        // From a build's manifest, MapStaticAssets re-reads each file at every request by default ("reload at runtime",
        // for editing CSS while it runs) and sends it as uncompressed gzip, even to a browser that asked for Brotli:
        // labelled "br", which Chromium cannot decode, so in Development (the README's run command) pages lost their CSS.
        // Everywhere it serves the files the build compressed (gzip and Brotli), as after a publish; a changed CSS or JS
        // file is served after the next build.
        if (builder.Configuration[ReloadStaticAssetsKey] is null)
        {
            builder.Configuration[ReloadStaticAssetsKey] = "false";
        }
        // The default encoder writes every Vietnamese letter as an HTML entity, nearly doubling a page.
        services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddSingleton(HtmlEncoder.Create(UnicodeRanges.All));
        services.AddLocalization(options => options.ResourcesPath = "Resources");
        // Forms check their fields in code (e.g. Accounts/AccountChecks) with messages from each feature's resources,
        // so there is no DataAnnotations localization to configure.
        services.AddRazorPages(options => options.RootDirectory = "/Features").AddViewLocalization();
        services.AddValidatedOptions<NetworkOptions, NetworkOptionsValidator>(NetworkOptions.Section);
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<NetworkOptions>>((forwarded, network) =>
        {
            // Behind nginx: the client's address (for rate limits) and https (for HSTS and Secure cookies) come from
            // the proxy, and only from the proxies named in Network:TrustedProxies (loopback is always trusted).
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var (_, address, net) in network.Value.Proxies())
            {
                if (address is not null)
                {
                    forwarded.KnownProxies.Add(address);
                }
                else if (net is { } known)
                {
                    forwarded.KnownIPNetworks.Add(known);
                }
            }
        });
        services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(365));
        // Secure whenever the page was served over https, the proxy's included.
        services.AddAntiforgery(options => options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        services.AddValidatedOptions<SiteOptions, SiteOptionsValidator>(SiteOptions.Section);
        services.AddSingleton<PublicAddress>();
        services.AddHostedService<ProductionWarnings>();
        services.AddSingleton(provider => new LogThrottle(provider.GetService<TimeProvider>() ?? TimeProvider.System, LogThrottle.DefaultInterval));
        services.AddExceptionHandler<StorageFailureHandler>();
        services.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(options => options.Filters.Add<MissingHandlerFilter>());
        services.AddOutputCache(options => options.AddLessonCache());
        services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
        });
        // Brotli's default is its fastest level, which sends a lesson larger than gzip at level 9 would; the optimal
        // level (quality 4) is what a phone on 3G should get, and cached pages pay it once.
        services.Configure<BrotliCompressionProviderOptions>(options => options.Level = CompressionLevel.Optimal);
        services.Configure<GzipCompressionProviderOptions>(options => options.Level = CompressionLevel.SmallestSize);
        services.AddHttpLogging(options =>
        {
            // Method, path, status and time only: no query strings, headers or bodies, so no personal data in logs.
            options.LoggingFields = HttpLoggingFields.RequestMethod | HttpLoggingFields.RequestPath
                | HttpLoggingFields.ResponseStatusCode | HttpLoggingFields.Duration;
            options.CombineLogs = true;
        });
        return builder;
    }

    public static WebApplication UseWebUi(this WebApplication app)
    {
        app.UseForwardedHeaders();
        // A database that cannot write or a silo that cannot answer: 503 with Retry-After; an unreadable request: 400; each with its reason at /loi.
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/loi/500",
            StatusCodeSelector = RequestFailures.StatusCodeOf,
            SuppressDiagnosticsCallback = context => context.HttpContext.Items.ContainsKey(StorageFailureHandler.Logged),
        });
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }
        app.UseHttpLogging();
        // Before compression, so that cached pages are stored already compressed.
        app.UseOutputCache();
        app.UseResponseCompression();
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture("vi-VN"),
            SupportedCultures = [new("vi-VN")],
            SupportedUICultures = [new("vi-VN")],
        });
        app.UseStatusCodePagesWithReExecute("/loi/{0}");
        app.UseRequestGuards();
        app.MapStaticAssets();
        app.MapRazorPages().WithStaticAssets();
        return app;
    }
}
