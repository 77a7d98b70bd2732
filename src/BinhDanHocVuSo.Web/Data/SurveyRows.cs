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

    /// <summary>
    /// The <c>ScoringLayout</c> fingerprint of the definition the columns below were counted with, when submitting; null
    /// before, and on responses submitted before scores were kept. Reports count a response again from its answers when
    /// this is not the fingerprint of the definition they report with.
    /// </summary>
    public string? ScoredWith { get; set; }

    /// <summary>What the answers add up to per competence and domain (<c>RespondentTally.ToBytes</c>): reports score from it.</summary>
    public byte[]? Tally { get; set; }

    /// <summary>One byte per item (<c>ItemValues</c>): the quality panel reads it.</summary>
    public byte[]? ItemValues { get; set; }

    public bool FailedAttentionCheck { get; set; }
    public bool TooFast { get; set; }
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
