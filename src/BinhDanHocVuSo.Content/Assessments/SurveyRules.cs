namespace BinhDanHocVuSo.Content.Assessments;

/// <summary>Parameters of individual scoring (spec section c).</summary>
/// <param name="MinAnsweredShare">A competence's self score is null when fewer than this share of its statements are answered.</param>
/// <param name="SelfWeight">Weight of the self score in the combined score.</param>
/// <param name="KnowledgeWeight">Weight of the knowledge score in the combined score.</param>
/// <param name="OverconfidenceGap">Self score minus knowledge score from which a respondent is flagged overconfident.</param>
public sealed record ScoringRules(double MinAnsweredShare, double SelfWeight, double KnowledgeWeight, double OverconfidenceGap);

/// <summary>Parameters of group recommendations (spec section d).</summary>
/// <param name="MinShareBelowTarget">p: recommend only when at least this share of the group is below target.</param>
/// <param name="MinMeanGap">Ḡ⁺: recommend only when the mean gap of members below target is at least this.</param>
/// <param name="Top">K: how many competences to recommend.</param>
/// <param name="DomainOrder">Domain ids in tie-break order.</param>
public sealed record RecommendationRules(double MinShareBelowTarget, double MinMeanGap, int Top, IReadOnlyList<string> DomainOrder);

/// <summary>Parameters of small-cell suppression.</summary>
/// <param name="MinCellSize">k: never show a cell of fewer respondents.</param>
/// <param name="RoundPercentTo">Percentages are rounded to this many points …</param>
/// <param name="RoundPercentBelowN">… when a cell has fewer respondents than this.</param>
public sealed record PrivacyRules(int MinCellSize, int RoundPercentTo, int RoundPercentBelowN);

/// <summary>Parameters of report flags and the admin quality panel (spec section e and quality rules).</summary>
public sealed record ReportingRules(
    double ResponseRateFlagBelow,
    double MinSecondsPerItem,
    double AlphaAccept,
    double AlphaReview,
    double AlphaRedundant,
    double MinItemTotalCorrelation,
    double KnowledgeDifficultyMin,
    double KnowledgeDifficultyMax);
