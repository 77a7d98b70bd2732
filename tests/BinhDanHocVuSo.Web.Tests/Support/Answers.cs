using BinhDanHocVuSo.Content.Quizzes;

namespace BinhDanHocVuSo.Web.Tests.Support;

/// <summary>Answer sheets built from a quiz's own key, as a learner who knows (or does not know) every answer would send them.</summary>
public static class Answers
{
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> AllRight(Quiz quiz) =>
        quiz.Questions.ToDictionary(q => q.Id, q => q.Kind == QuestionKind.Order ? q.RightStepOrder : q.RightOptionIds);

    /// <summary>Every question the draw shows answered right, and nothing else: what a page of that draw sends.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> AllRight(QuizDraw draw) =>
        AllRight(draw.Quiz).Where(a => draw.Shows(a.Key)).ToDictionary();

    public static IReadOnlyDictionary<string, IReadOnlyList<string>> AllWrong(Quiz quiz) =>
        quiz.Questions.ToDictionary(q => q.Id, q => q.Kind == QuestionKind.Order
            ? (IReadOnlyList<string>)[.. q.RightStepOrder.Reverse()]
            : [q.Options.First(o => !o.IsCorrect).Id]);
}
