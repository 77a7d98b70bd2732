namespace BinhDanHocVuSo.Content.Assessments.Scoring;

/// <summary>
/// The training need of a group for one competence (spec section d). Each member is compared with the target of
/// their own role, so a group may mix roles.
/// </summary>
/// <param name="CompetenceId">E.g. "4.2".</param>
/// <param name="DomainId">E.g. "4".</param>
/// <param name="Respondents">n: members with a level (and a target) for the competence.</param>
/// <param name="BelowTarget">Members with L &lt; T.</param>
/// <param name="ShareBelowTarget">p = below / n; 0 when n is 0.</param>
/// <param name="MeanGapBelowTarget">Ḡ⁺: mean gap T − L of the members below target; 0 when none is.</param>
/// <param name="MeanWeightBelowTarget">w̄: mean importance weight of the members below target; 0 when none is.</param>
/// <param name="MeanLevel">Mean L of the n members, or null when n is 0.</param>
/// <param name="MedianTargetBelow">Median target of the members below target (for course mapping), or null.</param>
/// <param name="MedianLevelBelow">Median L of the members below target (for course mapping), or null.</param>
/// <param name="MembersBelowTarget">Ids of the members below target: whom a course assignment enrols. Not for display.</param>
public sealed record CompetenceNeed(
    string CompetenceId,
    string DomainId,
    int Respondents,
    int BelowTarget,
    double ShareBelowTarget,
    double MeanGapBelowTarget,
    double MeanWeightBelowTarget,
    double? MeanLevel,
    double? MedianTargetBelow,
    double? MedianLevelBelow,
    IReadOnlyList<string> MembersBelowTarget)
{
    /// <summary>Priority P = w̄ · p · Ḡ⁺ (Borich-style weighted discrepancy with prevalence).</summary>
    public double Priority => MeanWeightBelowTarget * ShareBelowTarget * MeanGapBelowTarget;

    /// <summary>Whether the need reaches both thresholds of the survey (p and Ḡ⁺) and so may be recommended.</summary>
    public bool MeetsThresholds(RecommendationRules rules) =>
        Respondents > 0
        && ShareBelowTarget >= rules.MinShareBelowTarget - LevelScale.Tolerance
        && MeanGapBelowTarget >= rules.MinMeanGap - LevelScale.Tolerance;
}
