namespace BinhDanHocVuSo.Web.Hosting;

/// <summary>
/// Settings that a public server should have but that a developer's run does without: named once at start in
/// Production, as warnings (the platform still starts).
/// </summary>
sealed class ProductionWarnings(IOptions<KeyRingOptions> keyRing, IHostEnvironment environment, PublicAddress address, ILogger<ProductionWarnings> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!environment.IsProduction())
        {
            return Task.CompletedTask;
        }
        if (string.IsNullOrEmpty(keyRing.Value.CertificatePath))
        {
            logger.LogWarning("{Key} is not set: the data-protection keys are stored unencrypted in the database; anyone who reads it (or a backup) can forge sign-in cookies. Set it to a .pfx certificate (and {PasswordKey}).",
                DataProtectionExtensions.CertificatePathKey, DataProtectionExtensions.CertificatePasswordKey);
        }
        if (address.BaseUrl is null)
        {
            logger.LogWarning("{Key} is not set: poster QR codes and printed login cards use the Host header of each request. Set it to the public address, e.g. https://hoc.caobang.gov.vn",
                PublicAddress.Key);
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
