namespace BinhDanHocVuSo.Content.Quizzes;

/// <summary>A quiz: the questions of one <c>??? quiz</c> block.</summary>
/// <param name="Id">The lesson slug for a lesson quiz, <see cref="FinalQuizId"/> for a course's final quiz.</param>
/// <param name="Questions">Questions in authored order.</param>
/// <param name="Version">Short hash of the quiz block's text: changes when the quiz changes, not when the lesson around it does.</param>
public sealed record Quiz(string Id, IReadOnlyList<Question> Questions, string Version)
{
    /// <summary>Id of the final quiz of a course (the quiz in <c>course.md</c>).</summary>
    public const string FinalQuizId = "final";

    /// <summary>The question with this id, or null.</summary>
    public Question? FindQuestion(string questionId) => Questions.FirstOrDefault(q => q.Id == questionId);
}
