namespace BinhDanHocVuSo.Content.Assessments;

/// <summary>Target levels (0–6): a baseline per competence, and per-role overrides.</summary>
/// <param name="Baseline">Target of every role unless overridden, by competence id.</param>
/// <param name="ByRole">Overrides by role id, then competence id.</param>
public sealed record RoleTargets(
    IReadOnlyDictionary<string, int> Baseline,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> ByRole)
{
    /// <summary>The target of a role for a competence, or null when none is defined.</summary>
    public int? TargetFor(string roleId, string competenceId) =>
        IsRoleOverride(roleId, competenceId) ? ByRole[roleId][competenceId]
        : Baseline.TryGetValue(competenceId, out var target) ? target
        : null;

    /// <summary>Whether the role has its own target for the competence.</summary>
    public bool IsRoleOverride(string roleId, string competenceId) =>
        ByRole.TryGetValue(roleId, out var overrides) && overrides.ContainsKey(competenceId);
}

/// <summary>Importance weight w of a (role, competence) cell.</summary>
/// <param name="RoleOverride">Weight when the role has its own target.</param>
/// <param name="BaselineByTarget">Otherwise, weight by the baseline target (e.g. 3 → 2).</param>
/// <param name="Default">Weight of any other cell.</param>
public sealed record ImportanceWeights(double RoleOverride, IReadOnlyDictionary<int, double> BaselineByTarget, double Default)
{
    /// <summary>The weight of a role for a competence under these targets.</summary>
    public double WeightFor(RoleTargets targets, string roleId, string competenceId) =>
        targets.IsRoleOverride(roleId, competenceId) ? RoleOverride
        : targets.Baseline.TryGetValue(competenceId, out var target) && BaselineByTarget.TryGetValue(target, out var weight) ? weight
        : Default;
}
