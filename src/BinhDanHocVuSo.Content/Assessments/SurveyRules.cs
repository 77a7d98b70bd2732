namespace BinhDanHocVuSo.Content.Assessments;

/// <summary>Parameters of individual scoring (spec section c).</summary>
/// <param name="MinAnsweredShare">A competence's self score is null when fewer than this share of its statements are answered.</param>
/// <param name="SelfWeight">Weight of the self score in the combined score.</param>
/// <param name="KnowledgeWeight">Weight of the knowledge score in the combined score.</param>
/// <param name="OverconfidenceGap">Self score minus knowledge score from which a respondent is flagged overconfident.</param>
/// <param name="KnowledgeScope">
/// Which knowledge questions make a competence's knowledge score KC: its own (the spec's default), or every question on
/// its domain's page, so that each KC rests on several answers (assessments/README.md, "Knowledge score").
/// </param>
public sealed record ScoringRules(
    double MinAnsweredShare,
    double SelfWeight,
    double KnowledgeWeight,
    double OverconfidenceGap,
    KnowledgeScope KnowledgeScope = KnowledgeScope.Competence);

/// <summary>Which knowledge questions a competence's knowledge score KC counts.</summary>
public enum KnowledgeScope
{
    /// <summary>KC = correct / questions of the competence itself (YAML <c>knowledge_scope: competence</c>, the default).</summary>
    Competence,

    /// <summary>KC = correct / questions on the page of the competence's domain, the same for every competence of the domain (<c>knowledge_scope: domain</c>).</summary>
    Domain,
}

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
