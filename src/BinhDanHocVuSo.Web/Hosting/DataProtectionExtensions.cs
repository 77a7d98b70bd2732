using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;

namespace BinhDanHocVuSo.Web.Hosting;

public static class DataProtectionExtensions
{
    public const string CertificatePathKey = KeyRingOptions.Section + ":" + nameof(KeyRingOptions.CertificatePath);
    public const string CertificatePasswordKey = KeyRingOptions.Section + ":" + nameof(KeyRingOptions.CertificatePassword);

    /// <summary>
    /// Data-protection keys (sign-in and guest cookies, anti-forgery tokens) in the database, shared by every silo,
    /// and encrypted there with the certificate of <c>DataProtection:CertificatePath</c> (a .pfx, with
    /// <c>DataProtection:CertificatePassword</c>) when one is configured: someone who reads the database (a backup,
    /// a dump) then cannot forge a session. Without one the keys are stored as they are (a warning at start in Production).
    /// </summary>
    public static WebApplicationBuilder AddProtectedKeys(this WebApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<KeyRingOptions, KeyRingOptionsValidator>(KeyRingOptions.Section);
        var options = builder.StartupOptions(KeyRingOptions.Section, new KeyRingOptionsValidator());
        var keys = builder.Services.AddDataProtection().SetApplicationName("BinhDanHocVuSo").PersistKeysToDbContext<AppDbContext>();
        if (options.CertificatePath is { Length: > 0 } path)
        {
            var certificate = LoadCertificate(path, options.CertificatePassword);
            keys.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        }
        return builder;
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
