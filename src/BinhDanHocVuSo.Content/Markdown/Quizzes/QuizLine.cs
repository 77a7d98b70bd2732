namespace BinhDanHocVuSo.Content.Markdown.Quizzes;

/// <summary>A line inside a quiz block, with its 1-based line number in the file.</summary>
internal sealed record QuizLine(int Number, string Text);
