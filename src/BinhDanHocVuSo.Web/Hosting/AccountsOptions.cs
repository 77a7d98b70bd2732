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

    /// <summary>
    /// How often a signed-in session is checked against its account (security stamp, roles): a reset password,
    /// a revoked role or a deleted account ends other sessions within this many seconds.
    /// </summary>
    public int SessionCheckSeconds { get; set; } = 30;

    /// <summary>Reset codes one trainer or administrator may issue per minute (and one address twenty times this).</summary>
    public int IssuedResetsPerMinute { get; set; } = 10;

    /// <summary>Group codes one person may try per minute at <c>/join/{code}</c> (and one address twenty times this).</summary>
    public int JoinAttemptsPerMinute { get; set; } = 10;

    /// <summary>Most data rows in one import file; more are refused with the count named.</summary>
    public int MaxImportRows { get; set; } = 2000;
}
