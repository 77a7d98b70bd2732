namespace BinhDanHocVuSo.Content.Quizzes;

/// <summary>A question of a quiz.</summary>
/// <param name="Id">Stable id, unique in its quiz; results are stored by it.</param>
/// <param name="Kind">How it is answered.</param>
/// <param name="PromptHtml">The question, rendered from inline Markdown.</param>
/// <param name="Options">Options in authored order (empty for <see cref="QuestionKind.Order"/>).</param>
/// <param name="Steps">Steps in the right order (empty unless <see cref="QuestionKind.Order"/>).</param>
/// <param name="ExplanationHtml">Shown after answering: where the learner learns.</param>
/// <param name="Line">1-based line of the "? kind id" line in its file.</param>
/// <param name="Objective">
/// What the question checks (<c>objective=…</c> on its "?" line; the question id when not given). A drawn attempt
/// shows one question per objective where it can, and reviews bring back the objectives a learner missed.
/// </param>
/// <param name="Allowances">Lint rules silenced for this question by <c>! allow RULE-ID: reason</c> lines, in written order.</param>
public sealed record Question(
    string Id,
    QuestionKind Kind,
    string PromptHtml,
    IReadOnlyList<QuizOption> Options,
    IReadOnlyList<OrderStep> Steps,
    string ExplanationHtml,
    int Line,
    string Objective,
    IReadOnlyList<LintAllowance> Allowances)
{
    /// <summary>Ids of the right options, in authored order.</summary>
    public IReadOnlyList<string> RightOptionIds => [.. Options.Where(o => o.IsCorrect).Select(o => o.Id)];

    /// <summary>Step ids in the right order.</summary>
    public IReadOnlyList<string> RightStepOrder => [.. Steps.OrderBy(s => s.CorrectPosition).Select(s => s.Id)];
}
