namespace BinhDanHocVuSo.Web.Hosting;

/// <summary>A certificate password only comes with a certificate (the certificate itself is read by <see cref="DataProtectionExtensions"/>).</summary>
public sealed class KeyRingOptionsValidator : IValidateOptions<KeyRingOptions>
{
    public ValidateOptionsResult Validate(string? name, KeyRingOptions options) =>
        string.IsNullOrEmpty(options.CertificatePath) && !string.IsNullOrEmpty(options.CertificatePassword)
            ? ValidateOptionsResult.Fail($"{DataProtectionExtensions.CertificatePasswordKey} is set but {DataProtectionExtensions.CertificatePathKey} is empty; set the path of the .pfx it opens, or remove the password.")
            : ValidateOptionsResult.Success;
}
