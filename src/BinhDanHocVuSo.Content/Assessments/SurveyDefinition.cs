namespace BinhDanHocVuSo.Content.Assessments;

/// <summary>
/// One version of the digital-competency survey (<c>assessments/survey-v1.yaml</c>): its items, answer scales,
/// background questions and every default of the scoring and recommendation rules. Results keep the
/// version they answered, so a changed survey is a new file with a new <see cref="Version"/>.
/// </summary>
/// <param name="Id">Stable id of the survey, the same for all its versions.</param>
/// <param name="Version">Positive version number.</param>
/// <param name="Title">Vietnamese title shown to respondents.</param>
/// <param name="Introduction">Vietnamese text shown before the first page.</param>
/// <param name="MaxMinutes">The time the survey is meant to take at most.</param>
/// <param name="File">Path of the definition relative to the content root, e.g. <c>assessments/survey-v1.yaml</c>.</param>
/// <param name="Scales">Answer scales of the self-rating statements (skill, knowledge, attitude).</param>
/// <param name="Bands">Score bands from the lowest, with the score and level each starts at.</param>
/// <param name="MaxLevel">The level reached at score 1.</param>
/// <param name="Roles">Job positions; role targets refer to them.</param>
/// <param name="Background">Background questions asked before the items.</param>
/// <param name="Pages">Pages in order, one competence area (domain) each.</param>
/// <param name="Targets">Target level per role and competence.</param>
/// <param name="Weights">Importance weights of (role, competence) cells.</param>
/// <param name="Scoring">Parameters of individual scoring.</param>
/// <param name="Recommendations">Parameters of group recommendations.</param>
/// <param name="Privacy">Parameters of small-cell suppression.</param>
/// <param name="Reporting">Parameters of report flags and the quality panel.</param>
public sealed record SurveyDefinition(
    string Id,
    int Version,
    string Title,
    string Introduction,
    int MaxMinutes,
    string File,
    IReadOnlyList<AnswerScale> Scales,
    IReadOnlyList<ScoreBand> Bands,
    int MaxLevel,
    IReadOnlyList<SurveyRole> Roles,
    IReadOnlyList<BackgroundQuestion> Background,
    IReadOnlyList<SurveyPage> Pages,
    RoleTargets Targets,
    ImportanceWeights Weights,
    ScoringRules Scoring,
    RecommendationRules Recommendations,
    PrivacyRules Privacy,
    ReportingRules Reporting)
{
    /// <summary>All items of all pages, in page order.</summary>
    public IEnumerable<SurveyItem> Items => Pages.SelectMany(page => page.Items);

    /// <summary>The answer scale with this id, or null.</summary>
    public AnswerScale? FindScale(string id) => Scales.FirstOrDefault(scale => scale.Id == id);
}
