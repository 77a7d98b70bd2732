namespace BinhDanHocVuSo.Content.Quizzes;

/// <summary>A step of an order question.</summary>
/// <param name="Id">A short hash of quiz id, question id and step text: it says nothing about the right position.</param>
/// <param name="TextHtml">The step text, rendered from inline Markdown.</param>
/// <param name="CorrectPosition">1-based position in the right order (the order the author wrote).</param>
public sealed record OrderStep(string Id, string TextHtml, int CorrectPosition);
