namespace BinhDanHocVuSo.Web.Data;

/// <summary>
/// One official's response to one version of the competency survey. <see cref="Version"/> is its
/// optimistic-concurrency token: every write by the survey response grain moves it on by one, and a write based
/// on a stale copy is refused. The background is kept as answered, so later account changes do not move past results.
/// </summary>
public sealed class SurveyResponseRow
{
    public Guid Id { get; set; }
    public Guid RespondentId { get; set; }
    public required string SurveyId { get; set; }
    public int SurveyVersion { get; set; }
    public required string Commune { get; set; }
    public required string RoleId { get; set; }
    public required string AgeBandId { get; set; }

    /// <summary>1-based page the official saved last: the survey resumes after it.</summary>
    public int LastPage { get; set; }

    public DateTime StartedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? SubmittedAt { get; set; }
    public long Version { get; set; }
}

/// <summary>
/// One answer of a survey response, stored as it is given: a code for a self-rating statement or attention check,
/// an option id for a knowledge question; and the seconds spent on it when known (for the straight-lining flag).
/// </summary>
public sealed class SurveyAnswerRow
{
    public Guid ResponseId { get; set; }
    public required string ItemId { get; set; }
    public int? Code { get; set; }
    public string? OptionId { get; set; }
    public DateTime AnsweredAt { get; set; }
    public double? Seconds { get; set; }
}
