namespace BinhDanHocVuSo.Content.Assessments.Scoring;

/// <summary>The background of a respondent (section B3): where they work, their job position and age band.</summary>
/// <param name="CommuneId">The commune, as known to the accounts.</param>
/// <param name="RoleId">The job position: one of the survey's roles; it decides the targets.</param>
/// <param name="AgeBandId">The chosen option of the age-band question, e.g. "30-39".</param>
public sealed record RespondentBackground(string CommuneId, string RoleId, string AgeBandId);

/// <summary>Everything one respondent answered in one version of the survey.</summary>
/// <param name="RespondentId">Stable id of the respondent; used only to assign courses, never shown in group reports.</param>
/// <param name="Background">Commune, position and age band.</param>
/// <param name="Ratings">Item id → chosen code (0–3) for self-rating statements and attention checks. A missing item is unanswered.</param>
/// <param name="Choices">Item id → chosen option id for knowledge questions. Missing, or the "Tôi không biết" option, counts as wrong.</param>
/// <param name="SecondsSpent">Active time spent answering, when the client measured it; null when unknown.</param>
public sealed record RespondentAnswers(
    string RespondentId,
    RespondentBackground Background,
    IReadOnlyDictionary<string, int> Ratings,
    IReadOnlyDictionary<string, string> Choices,
    double? SecondsSpent = null)
{
    /// <summary>How many items of any kind have an answer.</summary>
    public int AnsweredCount => Ratings.Count + Choices.Count;
}
