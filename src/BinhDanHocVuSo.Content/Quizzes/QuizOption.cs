namespace BinhDanHocVuSo.Content.Quizzes;

/// <summary>An option of a single, multiple or true/false question.</summary>
/// <param name="Id">"a", "b", "c"… by authored position.</param>
/// <param name="TextHtml">The option text, rendered from inline Markdown.</param>
/// <param name="FeedbackHtml">Shown after answering when the learner chose this option; null when the author wrote none.</param>
/// <param name="IsCorrect">Whether this option is right. Never sent to the page before the learner answers.</param>
public sealed record QuizOption(string Id, string TextHtml, string? FeedbackHtml, bool IsCorrect);
