namespace BinhDanHocVuSo.Web.Hosting;

/// <summary>The field work's progress pages: configuration section <c>Field</c>.</summary>
public sealed class FieldOptions
{
    public const string Section = "Field";

    /// <summary>
    /// How old the kept figures of a target may be before a read starts counting them again in the background (the read
    /// itself gets the kept ones). Zero keeps nothing: every read counts from the database.
    /// </summary>
    public TimeSpan FiguresMaxAge { get; set; } = TimeSpan.FromMinutes(2);
}
