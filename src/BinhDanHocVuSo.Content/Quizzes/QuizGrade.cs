namespace BinhDanHocVuSo.Content.Quizzes;

/// <summary>The result of grading one attempt at a quiz.</summary>
/// <param name="Correct">Number of questions answered right.</param>
/// <param name="Total">Number of questions graded: those the attempt showed (all of the quiz without a draw).</param>
/// <param name="ScorePercent">Correct / Total as a whole percent (0–100), rounded half away from zero.</param>
/// <param name="Questions">One result per question graded, in authored order.</param>
public sealed record QuizGrade(int Correct, int Total, int ScorePercent, IReadOnlyList<QuestionGrade> Questions);

/// <summary>The result for one question, with everything the page shows after submission.</summary>
/// <param name="QuestionId">The question.</param>
/// <param name="IsCorrect">Whether the answer was right; an unanswered question is wrong.</param>
/// <param name="Chosen">The learner's option ids, or step ids in the learner's order; empty when unanswered.</param>
/// <param name="Right">The right option ids, or the step ids in the right order.</param>
/// <param name="ExplanationHtml">The question's explanation.</param>
/// <param name="Feedback">Feedback of the chosen options that have some, in option order.</param>
public sealed record QuestionGrade(
    string QuestionId,
    bool IsCorrect,
    IReadOnlyList<string> Chosen,
    IReadOnlyList<string> Right,
    string ExplanationHtml,
    IReadOnlyList<OptionFeedback> Feedback);

/// <summary>Feedback the author wrote for an option the learner chose.</summary>
public sealed record OptionFeedback(string OptionId, string FeedbackHtml);
