using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using BinhDanHocVuSo.Web.Data;
using BinhDanHocVuSo.Web.Hosting;
using BinhDanHocVuSo.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BinhDanHocVuSo.Web.Tests.Hosting;

/// <summary>The keys that sign every session are stored in the database encrypted with the operator's certificate.</summary>
public sealed class DataProtectionSpec : IAsyncLifetime
{
    TestDatabase _database = null!;
    DirectoryInfo _folder = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        _folder = Directory.CreateTempSubdirectory("bdhvs-cert-");
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        _folder.Delete(recursive: true);
    }

    [Fact]
    public async Task With_a_certificate_configured_the_key_ring_is_stored_encrypted_and_still_signs_people_in()
    {
        var certificate = WriteCertificate("mat-khau-chung-chi");
        await using var platform = new Platform(_database, new Dictionary<string, string?>
        {
            [DataProtectionExtensions.CertificatePathKey] = certificate,
            [DataProtectionExtensions.CertificatePasswordKey] = "mat-khau-chung-chi",
        });

        var browser = await platform.SignedInAs(await platform.CreateAsync());
        var keys = await StoredKeys(platform);

        keys.Should().NotBeEmpty();
        keys.Should().AllSatisfy(xml => xml.Should().Contain("encryptedSecret").And.Contain("EncryptedData").And.NotContain("<masterKey"));
        (await browser.GetAsync("/account/data")).StatusCode.Should().Be(System.Net.HttpStatusCode.OK, "the encrypted key still reads the session cookie");
    }

    [Fact]
    public async Task Without_a_certificate_the_key_ring_is_stored_as_it_is()
    {
        await using var platform = new Platform(_database);

        await platform.SignedInAs(await platform.CreateAsync());
        var keys = await StoredKeys(platform);

        keys.Should().NotBeEmpty().And.AllSatisfy(xml => xml.Should().Contain("<masterKey"));
    }

    [Fact]
    public async Task A_certificate_that_cannot_be_read_stops_the_start_naming_the_setting()
    {
        var missing = Path.Combine(_folder.FullName, "khong-co.pfx");

        var (exitCode, errors) = await WebHostProcess.RunAsync($"--ConnectionStrings:Sqlite={_database.ConnectionString}",
            $"--{DataProtectionExtensions.CertificatePathKey}={missing}");

        exitCode.Should().NotBe(0);
        errors.Should().Contain($"BinhDanHocVuSo could not start: Cannot read the certificate of {DataProtectionExtensions.CertificatePathKey} ('{missing}')")
            .And.NotContain("   at ");
    }

    static async Task<List<string>> StoredKeys(Platform platform)
    {
        using var scope = platform.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync();
    }

    string WriteCertificate(string password)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=BinhDanHocVuSo data protection", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(_folder.FullName, "data-protection.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, password));
        return path;
    }
}
