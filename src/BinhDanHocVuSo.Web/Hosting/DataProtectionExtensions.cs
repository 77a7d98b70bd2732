using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using BinhDanHocVuSo.Web.Data;
using Microsoft.AspNetCore.DataProtection;

namespace BinhDanHocVuSo.Web.Hosting;

public static class DataProtectionExtensions
{
    public const string CertificatePathKey = "DataProtection:CertificatePath";
    public const string CertificatePasswordKey = "DataProtection:CertificatePassword";

    /// <summary>
    /// Data-protection keys (sign-in and guest cookies, anti-forgery tokens) in the database, shared by every silo,
    /// and encrypted there with the certificate of <c>DataProtection:CertificatePath</c> (a .pfx, with
    /// <c>DataProtection:CertificatePassword</c>) when one is configured: someone who reads the database (a backup,
    /// a dump) then cannot forge a session. Without one the keys are stored as they are (a warning at start in Production).
    /// </summary>
    public static IServiceCollection AddProtectedKeys(this IServiceCollection services, IConfiguration configuration)
    {
        var keys = services.AddDataProtection().SetApplicationName("BinhDanHocVuSo").PersistKeysToDbContext<AppDbContext>();
        if (configuration[CertificatePathKey] is { Length: > 0 } path)
        {
            var certificate = LoadCertificate(path, configuration[CertificatePasswordKey]);
            keys.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        }
        return services;
    }

    static X509Certificate2 LoadCertificate(string path, string? password)
    {
        try
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);
            return certificate.HasPrivateKey ? certificate
                : throw new StartupException($"The certificate in {CertificatePathKey} ('{path}') has no private key; export it as a .pfx with its key.");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException)
        {
            throw new StartupException($"Cannot read the certificate of {CertificatePathKey} ('{path}'): {e.Message.Trim()} Check the path and {CertificatePasswordKey}.", e);
        }
    }
}
