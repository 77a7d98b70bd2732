using System.Net;
using BinhDanHocVuSo.Web.Hosting;
using BinhDanHocVuSo.Web.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace BinhDanHocVuSo.Web.Tests.Hosting;

/// <summary>Behind an HTTPS proxy (nginx terminating TLS), the platform knows it is served over https when, and only when, a trusted proxy says so.</summary>
public sealed class HttpsProxySpec : PlatformSpec
{
    const string Proxy = "10.0.0.2";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Platform = new Platform(Database, new Dictionary<string, string?> { [WebUiExtensions.TrustedProxiesKey] = Proxy });
    }

    [Fact]
    public async Task A_page_forwarded_as_https_by_a_trusted_proxy_gets_HSTS_and_a_Secure_anti_forgery_cookie()
    {
        var response = await From(Proxy).SendAsync(Forwarded("/account/login"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.GetValues("Strict-Transport-Security").Single().Should().Contain("max-age=31536000");
        response.Headers.GetValues("Set-Cookie").Should().Contain(c => c.Contains(".AspNetCore.Antiforgery") && c.Contains("secure", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task The_same_header_from_an_untrusted_address_is_ignored()
    {
        var response = await From("203.0.113.9").SendAsync(Forwarded("/account/login"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.Contains("Strict-Transport-Security").Should().BeFalse();
        response.Headers.GetValues("Set-Cookie").Should().Contain(c => c.Contains(".AspNetCore.Antiforgery") && !c.Contains("secure", StringComparison.OrdinalIgnoreCase));
    }

    static HttpRequestMessage Forwarded(string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Host = "hoc.caobang.gov.vn";
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "198.51.100.7");
        return request;
    }

    /// <summary>A client whose connections come from <paramref name="peer"/>, as the proxy's would.</summary>
    HttpClient From(string peer) => Platform.WithWebHostBuilder(web => web.ConfigureTestServices(services =>
            services.AddSingleton<IStartupFilter>(new PeerAddress(IPAddress.Parse(peer)))))
        .CreateClient(new() { AllowAutoRedirect = false });

    sealed class PeerAddress(IPAddress address) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((http, following) =>
            {
                http.Connection.RemoteIpAddress = address;
                return following(http);
            });
            next(app);
        };
    }
}
