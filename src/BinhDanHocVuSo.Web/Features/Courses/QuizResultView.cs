using BinhDanHocVuSo.Content.Quizzes;
using BinhDanHocVuSo.Web.Features.Learning;

namespace BinhDanHocVuSo.Web.Features.Courses;

/// <summary>
/// A graded attempt joined with the quiz's text, for the result shown after "Nộp bài". <see cref="ShowsAnswers"/> is
/// false for a final quiz that was not passed: it then says which questions were wrong, without the right answers,
/// the explanations or the options' feedback.
/// </summary>
public sealed record QuizResultView(QuizResult Result, bool IsFinal, bool ShowsAnswers, IReadOnlyList<QuizResultItem> Items)
{
    public static QuizResultView From(QuizResult result, Quiz quiz, bool isFinal, string noAnswer)
    {
        var showsAnswers = !isFinal || result.Passed;
        var items = quiz.Questions
            .Select(q => (Question: q, Result: result.Questions.FirstOrDefault(r => r.QuestionId == q.Id)))
            .Where(p => p.Result is not null)
            .Select(p => new QuizResultItem(p.Question, p.Result!, Describe(p.Question, p.Result!.Chosen, noAnswer),
                showsAnswers ? Describe(p.Question, p.Result.RightAnswer, noAnswer) : "",
                showsAnswers ? [.. p.Question.Options.Where(o => p.Result.Chosen.Contains(o.Id) && o.FeedbackHtml is not null).Select(o => o.FeedbackHtml!)] : []))
            .ToList();
        return new QuizResultView(result, isFinal, showsAnswers, items);
    }

    static string Describe(Question question, IReadOnlyList<string> ids, string noAnswer)
    {
        if (ids.Count == 0)
        {
            return noAnswer;
        }
        var texts = question.Kind == QuestionKind.Order
            ? ids.Select((id, i) => $"{i + 1}. {question.Steps.FirstOrDefault(s => s.Id == id)?.TextHtml ?? id}")
            : ids.Select(id => question.Options.FirstOrDefault(o => o.Id == id)?.TextHtml ?? id);
        return string.Join(question.Kind == QuestionKind.Order ? "<br>" : "; ", texts);
    }
}

public sealed record QuizResultItem(Question Question, QuestionResult Result, string ChosenHtml, string RightHtml, IReadOnlyList<string> FeedbackHtml);
