using System.Runtime.CompilerServices;

namespace BinhDanHocVuSo.Content.Assessments.Scoring;

/// <summary>One respondent's result for one competence (spec section c).</summary>
/// <param name="CompetenceId">E.g. "4.2".</param>
/// <param name="DomainId">E.g. "4".</param>
/// <param name="SelfItemsAnswered">How many of the competence's self-rating statements were answered.</param>
/// <param name="SelfScore">SR = Σ codes / (max code · answered); null when fewer than the minimum share of statements is answered.</param>
/// <param name="KnowledgeScore">
/// KC = correct / the knowledge questions it counts (the competence's own, or its domain's with
/// <see cref="KnowledgeScope.Domain"/>); null when there are none.
/// </param>
/// <param name="Score">S: SR alone without knowledge questions, else the weighted blend; null when SR is null.</param>
/// <param name="Band">The band of S, or null.</param>
/// <param name="Level">The numeric level L = f(S), or null.</param>
/// <param name="Target">The target T of the respondent's role, or null when the survey sets none.</param>
/// <param name="Gap">g = max(0, T − L), or null when L or T is null.</param>
/// <param name="Overconfident">Whether SR − KC reaches the overconfidence gap (false when either is null).</param>
public sealed record CompetenceScore(
    string CompetenceId,
    string DomainId,
    int SelfItemsAnswered,
    double? SelfScore,
    double? KnowledgeScore,
    double? Score,
    ScoreBand? Band,
    double? Level,
    int? Target,
    double? Gap,
    bool Overconfident)
{
    /// <summary>The level shown to people, ⌊L⌋, or null.</summary>
    public int? ShownLevel => Level is { } level ? LevelScale.ShownLevel(level) : null;

    /// <summary>Whether the respondent is below the target of their role: L &lt; T.</summary>
    public bool BelowTarget => Level is { } level && Target is { } target && level < target - LevelScale.Tolerance;
}

/// <summary>One respondent's result for one domain.</summary>
/// <param name="DomainId">E.g. "4".</param>
/// <param name="Score">S_d: mean S of the domain's competences that have one; null when none has.</param>
/// <param name="Band">The band of S_d, or null.</param>
/// <param name="Level">L_d = f(S_d), or null.</param>
/// <param name="SelfScore">Mean SR of the domain's competences that have one, for the calibration view; or null.</param>
/// <param name="KnowledgeScore">Correct / knowledge questions of the whole domain, or null when it has none.</param>
/// <param name="Target">Mean target of the role over the domain's scored competences, or null.</param>
/// <param name="Overconfident">Whether the domain's SR − KC reaches the overconfidence gap.</param>
public sealed record DomainScore(
    string DomainId,
    double? Score,
    ScoreBand? Band,
    double? Level,
    double? SelfScore,
    double? KnowledgeScore,
    double? Target,
    bool Overconfident)
{
    /// <summary>The level shown to people, ⌊L_d⌋, or null.</summary>
    public int? ShownLevel => Level is { } level ? LevelScale.ShownLevel(level) : null;

    /// <summary>Whether L_d is below the domain target.</summary>
    public bool BelowTarget => Level is { } level && Target is { } target && level < target - LevelScale.Tolerance;
}

/// <summary>Quality flags of a respondent (spec "Quality rules"); flagged answers still count unless the caller leaves them out.</summary>
/// <param name="FailedAttentionCheck">An instructed-response item was answered with another option than the one asked for.</param>
/// <param name="TooFast">Less than the minimum seconds per answered item were spent (only when timings are known).</param>
public sealed record RespondentFlags(bool FailedAttentionCheck, bool TooFast)
{
    /// <summary>Whether any flag is set.</summary>
    public bool Any => FailedAttentionCheck || TooFast;
}

/// <summary>A scored respondent: what individuals see of themselves, and what group statistics are built from.</summary>
/// <param name="RespondentId">Stable id of the respondent.</param>
/// <param name="Background">Commune, position and age band.</param>
/// <param name="SurveyVersion">The version of the survey answered.</param>
/// <param name="Competences">One score per scored competence, in survey order.</param>
/// <param name="Domains">One score per scored domain, in survey order.</param>
/// <param name="Flags">Attention-check and speed flags.</param>
public sealed record RespondentScores(
    string RespondentId,
    RespondentBackground Background,
    int SurveyVersion,
    IReadOnlyList<CompetenceScore> Competences,
    IReadOnlyList<DomainScore> Domains,
    RespondentFlags Flags)
{
    /// <summary>The score of a competence; throws when the survey does not score it.</summary>
    public CompetenceScore Competence(string competenceId) => Competences.Single(c => c.CompetenceId == competenceId);

    /// <summary>The score of a domain; throws when the survey does not score it.</summary>
    public DomainScore Domain(string domainId) => Domains.Single(d => d.DomainId == domainId);

    /// <summary>
    /// The score of the competence at <paramref name="index"/> of the survey's <see cref="ScoringPlan"/>, where
    /// <see cref="Competences"/> holds it; found by id when it is not there. Group reports look up every member's
    /// competences, so the search by id alone would cost as much as the rest of the report.
    /// </summary>
    /// <remarks>Read straight from the array when the scores are one (as <see cref="TallyScorer"/> makes them): through the list interface, each look-up is two calls the compiler cannot inline.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // Called for every member and competence of a report.
    public CompetenceScore Competence(int index, string competenceId) =>
        Competences is CompetenceScore[] array && (uint)index < (uint)array.Length && ReferenceEquals(array[index].CompetenceId, competenceId) ? array[index]
        : index < Competences.Count && Competences[index].CompetenceId == competenceId ? Competences[index]
        : Competence(competenceId);

    /// <summary>The score of the domain at <paramref name="index"/> of the survey's scoring plan (see <see cref="Competence(int, string)"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public DomainScore Domain(int index, string domainId) =>
        Domains is DomainScore[] array && (uint)index < (uint)array.Length && ReferenceEquals(array[index].DomainId, domainId) ? array[index]
        : index < Domains.Count && Domains[index].DomainId == domainId ? Domains[index]
        : Domain(domainId);
}
