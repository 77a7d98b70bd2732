namespace BinhDanHocVuSo.Content.Quizzes;

/// <summary>A <c>! allow RULE-ID: reason</c> line: the author silences one lint rule for one question, saying why.</summary>
/// <param name="RuleId">The rule silenced, e.g. <c>few-options</c> (lowercase a–z, 0–9 and "-").</param>
/// <param name="Reason">Why the rule does not apply here; never empty.</param>
/// <param name="Line">1-based line of the allowance in its file.</param>
public sealed record LintAllowance(string RuleId, string Reason, int Line);
