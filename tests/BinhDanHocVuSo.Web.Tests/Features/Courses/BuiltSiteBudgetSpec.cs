using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using BinhDanHocVuSo.Web.Tests.Support;
using Xunit.Abstractions;

namespace BinhDanHocVuSo.Web.Tests.Features.Courses;

/// <summary>
/// The platform started as the README's cluster command starts it: from a build (not a publish), in Production, as a
/// process of its own. A phone's browser must get the lesson's CSS and JS compressed there too, so that the heaviest
/// lesson still opens within the first ~14 KB.
/// </summary>
public sealed class BuiltSiteBudgetSpec(BuiltSiteBudgetSpec.InProduction site, ITestOutputHelper output)
    : BuiltSiteBudget(site, output), IClassFixture<BuiltSiteBudgetSpec.InProduction>
{
    public sealed class InProduction() : BuiltSite("Production");
}

/// <summary>
/// The platform started as the README's run command starts it: from a build, in Development. The browser must be able
/// to read what it is sent (a Brotli answer that is really Brotli), or every page loses its CSS, and the lesson must fit
/// in the first ~14 KB here too.
/// </summary>
public sealed class BuiltSiteBudgetInDevelopmentSpec(BuiltSiteBudgetInDevelopmentSpec.InDevelopment site, ITestOutputHelper output)
    : BuiltSiteBudget(site, output), IClassFixture<BuiltSiteBudgetInDevelopmentSpec.InDevelopment>
{
    public sealed class InDevelopment() : BuiltSite("Development");
}

/// <summary>What a phone's browser gets from the platform run from a build as a process of its own (see the two specs above).</summary>
public abstract class BuiltSiteBudget(BuiltSiteBudget.BuiltSite site, ITestOutputHelper output)
{
    const int Budget = 14 * 1024;
    const string Chrome = "gzip, deflate, br, zstd";

    [Theory]
    [InlineData(Chrome, "br")]
    [InlineData("gzip", "gzip")]
    public async Task Css_and_js_of_a_build_are_sent_really_compressed_in_the_encoding_the_browser_asked_for(string accepts, string expected)
    {
        var lesson = await Get("/c/dich-vu-cong/nop-ho-so", accepts);
        var assets = ShippedSite.StylesAndScripts(await Text(lesson));
        assets.Should().Contain(a => a.StartsWith("/css/site.")).And.Contain(a => a.StartsWith("/js/site."));
        foreach (var asset in assets)
        {
            var identity = await Get(asset, "identity");
            var plain = (await identity.Content.ReadAsByteArrayAsync()).Length;
            var sent = await Get(asset, accepts);
            var bytes = (await sent.Content.ReadAsByteArrayAsync()).Length;
            output.WriteLine($"{asset} [{accepts}]: {bytes} B sent, {plain} B plain");
            sent.Content.Headers.ContentEncoding.Should().Equal([expected], $"{asset} must be sent compressed");
            bytes.Should().BeLessThan(plain / 2, $"{asset} must be really compressed, not stored in a {expected} wrapper");
            (await Text(sent)).Should().Be(await Text(identity), $"a browser must be able to decode {asset} as the {expected} it is labelled");
        }
    }

    [Fact]
    public async Task The_heaviest_lessons_first_load_fits_in_14_KB_in_chrome()
    {
        var tooBig = new List<string>();
        foreach (var path in new[] { "/c/dich-vu-cong/nop-ho-so", "/c/dich-vu-cong/tai-khoan-vneid", "/c/thanh-toan/thanh-toan-quet-ma-vietqr" })
        {
            var page = await Get(path, Chrome);
            var total = (await page.Content.ReadAsByteArrayAsync()).Length;
            foreach (var asset in ShippedSite.StylesAndScripts(await Text(await Get(path, "identity"))))
            {
                total += (await (await Get(asset, Chrome)).Content.ReadAsByteArrayAsync()).Length;
            }
            output.WriteLine($"{path}: {total} B with its CSS and JS");
            if (total > Budget)
            {
                tooBig.Add($"{path} is {total} bytes");
            }
        }
        tooBig.Should().BeEmpty();
    }

    async Task<HttpResponseMessage> Get(string path, string accepts)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        foreach (var encoding in accepts.Split(", "))
        {
            request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));
        }
        var response = await site.Client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return response;
    }

    static async Task<string> Text(HttpResponseMessage response)
    {
        var body = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        Stream decoded = response.Content.Headers.ContentEncoding.FirstOrDefault() switch
        {
            "br" => new System.IO.Compression.BrotliStream(body, System.IO.Compression.CompressionMode.Decompress),
            "gzip" => new System.IO.Compression.GZipStream(body, System.IO.Compression.CompressionMode.Decompress),
            _ => body,
        };
        return await new StreamReader(decoded).ReadToEndAsync();
    }

    /// <summary>The web host of the test's build output, started in an environment on a fresh SQLite file with the shipped courses.</summary>
    public abstract class BuiltSite(string environment) : IAsyncLifetime
    {
        readonly string _folder = Path.Combine(Path.GetTempPath(), $"bdhvs-built-{Guid.NewGuid():N}");
        Process _process = null!;

        public HttpClient Client { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Directory.CreateDirectory(_folder);
            var start = new ProcessStartInfo("dotnet")
            {
                RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
                WorkingDirectory = Repository.Path("src/BinhDanHocVuSo.Web"),
            };
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "BinhDanHocVuSo.Web.dll"));
            start.ArgumentList.Add("--urls=http://127.0.0.1:0");
            start.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
            start.Environment["ConnectionStrings__Sqlite"] = $"Data Source={Path.Combine(_folder, "site.db")}";
            start.Environment["Content__CoursesPath"] = Repository.Path("courses");
            start.Environment["Content__AssessmentsPath"] = Repository.Path("assessments");
            start.Environment["Orleans__SiloPort"] = FreePort().ToString();
            start.Environment["Orleans__GatewayPort"] = FreePort().ToString();
            start.Environment["Orleans__ClusterId"] = $"test-{Guid.NewGuid():N}";
            _process = Process.Start(start)!;
            _process.ErrorDataReceived += (_, _) => { };
            _process.BeginErrorReadLine();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
            while (await _process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                if (Regex.Match(line, @"Now listening on: (http://\S+)") is { Success: true } listening)
                {
                    Client = new HttpClient(new HttpClientHandler { AutomaticDecompression = System.Net.DecompressionMethods.None })
                    {
                        BaseAddress = new Uri(listening.Groups[1].Value),
                    };
                    _ = DrainAsync();
                    return;
                }
            }
            throw new InvalidOperationException($"The built platform exited with {_process.ExitCode} before listening.");
        }

        async Task DrainAsync()
        {
            while (await _process.StandardOutput.ReadLineAsync() is not null)
            {
            }
        }

        public async Task DisposeAsync()
        {
            Client?.Dispose();
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
            _process.Dispose();
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
            }
        }

        static int FreePort()
        {
            using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
            listener.Start();
            return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        }
    }
}
