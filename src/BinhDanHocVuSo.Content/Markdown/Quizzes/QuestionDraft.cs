using BinhDanHocVuSo.Content.Quizzes;

namespace BinhDanHocVuSo.Content.Markdown.Quizzes;

/// <summary>A question as written, before it is checked and rendered.</summary>
internal sealed class QuestionDraft(QuestionKind? kind, string id, int line, string? objective = null)
{
    /// <summary>The objective written on the "?" line, or null (then the question id is its objective).</summary>
    public string? Objective { get; } = objective;

    public List<LintAllowance> Allowances { get; } = [];

    public QuestionKind? Kind { get; } = kind;

    public string Id { get; } = id;

    public int Line { get; } = line;

    public List<QuizLine> Prompt { get; } = [];

    public List<OptionDraft> Options { get; } = [];

    public List<StepDraft> Steps { get; } = [];

    public List<QuizLine> Explanation { get; } = [];

    public QuestionPart Part { get; set; } = QuestionPart.Prompt;

    /// <summary>Whether a line of this question was misplaced or malformed.</summary>
    public bool HasLineProblems { get; set; }
}

/// <summary>Where in a question the reader is: the parts come in this order.</summary>
internal enum QuestionPart
{
    Prompt,
    Answers,
    Explanation,
}

internal sealed record OptionDraft(QuizLine Line, bool IsCorrect, string Text)
{
    public List<QuizLine> Feedback { get; } = [];
}

internal sealed record StepDraft(QuizLine Line, int Number, string Text);
