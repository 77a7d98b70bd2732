namespace BinhDanHocVuSo.Content.Assessments;

/// <summary>An answer scale of self-rating statements, e.g. "skill": Tôi không biết làm (0) … Tôi làm thành thạo… (3).</summary>
/// <param name="Id">Id that items refer to: "skill", "knowledge", "attitude".</param>
/// <param name="Name">Vietnamese name.</param>
/// <param name="Prompt">Vietnamese question shown above the statements that use this scale.</param>
/// <param name="InLevelScore">False for a scale reported as readiness only (attitude): its answers do not count in the level.</param>
/// <param name="Options">Options coded 0, 1, 2 … in order.</param>
public sealed record AnswerScale(string Id, string Name, string Prompt, bool InLevelScore, IReadOnlyList<ScaleOption> Options)
{
    /// <summary>The highest code, i.e. the divisor that turns a sum of answers into a 0–1 score.</summary>
    public int MaxCode => Options.Count == 0 ? 0 : Options.Max(option => option.Code);
}

/// <summary>One option of an answer scale.</summary>
/// <param name="Code">Stored and scored value, 0 for the lowest.</param>
/// <param name="Label">Vietnamese label shown to respondents.</param>
public sealed record ScaleOption(int Code, string Label);
