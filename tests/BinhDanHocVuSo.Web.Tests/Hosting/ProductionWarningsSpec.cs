using System.Collections.Concurrent;
using System.Net;
using BinhDanHocVuSo.Web.Hosting;
using BinhDanHocVuSo.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BinhDanHocVuSo.Web.Tests.Hosting;

/// <summary>A production server started without the settings a public server needs still starts, and says at once what is missing.</summary>
public sealed class ProductionWarningsSpec : PlatformSpec
{
    [Fact]
    public async Task In_production_a_missing_certificate_and_public_address_are_warned_about_once_at_start()
    {
        var logs = new LogLines();
        await using var production = Platform.WithWebHostBuilder(web => web.UseEnvironment("Production")
            .ConfigureLogging(logging => logging.AddProvider(logs)));

        var ready = await production.CreateClient().GetAsync("/health/ready");
        await production.CreateClient().GetAsync("/posters");

        ready.StatusCode.Should().Be(HttpStatusCode.OK);
        logs.Warnings.Should().ContainSingle(w => w.Contains(DataProtectionExtensions.CertificatePathKey) && w.Contains("unencrypted"));
        logs.Warnings.Should().ContainSingle(w => w.Contains(PublicAddress.Key));
    }

    [Fact]
    public async Task With_both_set_nothing_is_warned_about()
    {
        var logs = new LogLines();
        var folder = Directory.CreateTempSubdirectory("bdhvs-cert-");
        try
        {
            var certificate = Path.Combine(folder.FullName, "dp.pfx");
            using (var rsa = System.Security.Cryptography.RSA.Create(2048))
            {
                var request = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=dp", rsa,
                    System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
                using var self = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
                File.WriteAllBytes(certificate, self.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pfx));
            }
            await using var production = Platform.WithWebHostBuilder(web => web.UseEnvironment("Production")
                .UseSetting(DataProtectionExtensions.CertificatePathKey, certificate)
                .UseSetting(PublicAddress.Key, "https://hoc.caobang.gov.vn")
                .ConfigureLogging(logging => logging.AddProvider(logs)));

            (await production.CreateClient().GetAsync("/health/ready")).StatusCode.Should().Be(HttpStatusCode.OK);

            logs.Warnings.Should().NotContain(w => w.Contains(DataProtectionExtensions.CertificatePathKey) || w.Contains(PublicAddress.Key));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    sealed class LogLines : ILoggerProvider
    {
        readonly ConcurrentQueue<string> _warnings = new();

        public IReadOnlyList<string> Warnings => [.. _warnings];

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void Dispose()
        {
        }

        sealed class Logger(LogLines lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (logLevel == LogLevel.Warning)
                {
                    lines._warnings.Enqueue(formatter(state, exception));
                }
            }
        }
    }
}
