namespace BinhDanHocVuSo.Web.Hosting;

/// <summary>Accounts: configuration section <c>Accounts</c>.</summary>
public sealed class AccountsOptions
{
    public const string Section = "Accounts";

    /// <summary>Folder with one JSON file of communes per province; default <c>Data/Communes</c> beside the app.</summary>
    public string? CommunesPath { get; set; }

    /// <summary>Sign-in, sign-up and reset requests allowed per minute from one address.</summary>
    public int AttemptsPerMinute { get; set; } = 20;

    /// <summary>Largest accepted import file.</summary>
    public int MaxImportKilobytes { get; set; } = 512;

    /// <summary>Most data rows in one import file; more are refused with the count named.</summary>
    public int MaxImportRows { get; set; } = 2000;
}
