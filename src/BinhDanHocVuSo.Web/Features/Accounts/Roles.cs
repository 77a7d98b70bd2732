namespace BinhDanHocVuSo.Web.Features.Accounts;

/// <summary>The roles of the platform and the authorization policies built on them.</summary>
public static class Roles
{
    /// <summary>A citizen learning; every account has it.</summary>
    public const string Learner = "Learner";

    /// <summary>A commune official: also a learner, and takes the competency survey.</summary>
    public const string Official = "Official";

    /// <summary>A member of a community digital-technology team or a trainer: runs groups.</summary>
    public const string Trainer = "Trainer";

    /// <summary>A province or commune administrator.</summary>
    public const string Admin = "Admin";

    public static readonly string[] All = [Learner, Official, Trainer, Admin];
}

public static class Policies
{
    public const string SignedIn = "SignedIn";
    public const string Official = "Official";
    public const string Trainer = "Trainer";
    public const string Admin = "Admin";
}
