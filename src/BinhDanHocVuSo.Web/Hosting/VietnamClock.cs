namespace BinhDanHocVuSo.Web.Hosting;

/// <summary>
/// The platform's one clock. Vietnam keeps UTC+7 all year (no daylight saving): a learner's day, a due date and a printed
/// date are Vietnamese calendar days, while times are stored in UTC. Built on <see cref="TimeProvider"/> so that specs
/// move a fake clock instead of sleeping.
/// </summary>
public sealed class VietnamClock(TimeProvider time)
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    public DateTime UtcNow => time.GetUtcNow().UtcDateTime;

    /// <summary>Today's date in Vietnam.</summary>
    public DateOnly Today => DayOf(UtcNow);

    /// <summary>The Vietnamese calendar day of a UTC time.</summary>
    public static DateOnly DayOf(DateTime utc) => DateOnly.FromDateTime(utc + Offset);

    /// <summary>A UTC time as a Vietnamese wall-clock time.</summary>
    public static DateTime Local(DateTime utc) => utc + Offset;

    /// <summary>A UTC time printed as its Vietnamese date, e.g. 03/12/2026.</summary>
    public static string Date(DateTime utc) => Local(utc).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>A UTC time printed as its Vietnamese time and date, e.g. 14:05 03/12/2026.</summary>
    public static string TimeAndDate(DateTime utc) => Local(utc).ToString("HH:mm dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>The first UTC instant after the end of a Vietnamese day: a due date "by 30/06" ends here.</summary>
    public static DateTime EndOfDayUtc(DateOnly day) => day.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) - Offset;
}
