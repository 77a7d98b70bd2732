namespace BinhDanHocVuSo.Content.Quizzes;

/// <summary>A quiz: the questions of one <c>??? quiz</c> block.</summary>
/// <param name="Id">The lesson slug for a lesson quiz, <see cref="FinalQuizId"/> for a course's final quiz.</param>
/// <param name="Questions">Questions in authored order.</param>
/// <param name="Version">Short hash of the quiz block's text: changes when the quiz changes, not when the lesson around it does.</param>
/// <param name="Draw">
/// How many questions each attempt shows (<c>??? quiz draw=N</c>), drawn from <paramref name="Questions"/> one per
/// objective where possible; null when every question is shown.
/// </param>
public sealed record Quiz(string Id, IReadOnlyList<Question> Questions, string Version, int? Draw = null)
{
    /// <summary>Id of the final quiz of a course (the quiz in <c>course.md</c>).</summary>
    public const string FinalQuizId = "final";

    /// <summary>How many questions an attempt shows: <see cref="Draw"/>, or all of them.</summary>
    public int ShownCount => Draw ?? Questions.Count;

    /// <summary>The question with this id, or null.</summary>
    public Question? FindQuestion(string questionId) => Questions.FirstOrDefault(q => q.Id == questionId);
}
