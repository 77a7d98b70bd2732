namespace BinhDanHocVuSo.Web.Hosting;

/// <summary>How the data-protection keys are kept: configuration section <c>DataProtection</c>.</summary>
public sealed class KeyRingOptions
{
    public const string Section = "DataProtection";

    /// <summary>A .pfx whose certificate encrypts the keys in the database; without one they are stored as they are.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>The password of <see cref="CertificatePath"/>, if it has one.</summary>
    public string? CertificatePassword { get; set; }
}
