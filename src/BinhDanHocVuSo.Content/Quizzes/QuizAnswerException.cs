namespace BinhDanHocVuSo.Content.Quizzes;

/// <summary>What is wrong with a submitted answer.</summary>
public enum QuizAnswerProblem
{
    /// <summary>The answer names a question that is not in the quiz.</summary>
    UnknownQuestion,

    /// <summary>An option id or step id that does not belong to the question.</summary>
    UnknownValue,

    /// <summary>More than one option for a single or true/false question.</summary>
    TooManyValues,

    /// <summary>An order answer that repeats a step or a position.</summary>
    DuplicateStep,

    /// <summary>An order answer that leaves out some steps.</summary>
    IncompleteOrder,

    /// <summary>An order position that is not a number from 1 to the number of steps.</summary>
    InvalidPosition,

    /// <summary>The answer names a question of the quiz that the attempt's draw did not show.</summary>
    NotShown,
}

/// <summary>
/// A submitted answer that cannot be graded (tampered or incomplete form). Nothing is graded when it is thrown;
/// <see cref="Problem"/> lets the page tell the learner what to fix.
/// </summary>
public sealed class QuizAnswerException(string questionId, QuizAnswerProblem problem, string message)
    : Exception($"question '{questionId}': {message}")
{
    /// <summary>The question whose answer is malformed.</summary>
    public string QuestionId { get; } = questionId;

    /// <summary>The kind of problem.</summary>
    public QuizAnswerProblem Problem { get; } = problem;
}
