using BinhDanHocVuSo.Content.Quizzes;
using BinhDanHocVuSo.Web.Features.Learning;

namespace BinhDanHocVuSo.Web.Features.Courses;

/// <summary>A graded attempt joined with the quiz's text, for the result shown after "Nộp bài".</summary>
public sealed record QuizResultView(QuizResult Result, bool IsFinal, IReadOnlyList<QuizResultItem> Items)
{
    public static QuizResultView From(QuizResult result, Quiz quiz, bool isFinal, string noAnswer)
    {
        var items = quiz.Questions
            .Select(q => (Question: q, Result: result.Questions.FirstOrDefault(r => r.QuestionId == q.Id)))
            .Where(p => p.Result is not null)
            .Select(p => new QuizResultItem(p.Question, p.Result!, Describe(p.Question, p.Result!.Chosen, noAnswer),
                Describe(p.Question, p.Result.RightAnswer, noAnswer),
                [.. p.Question.Options.Where(o => p.Result.Chosen.Contains(o.Id) && o.FeedbackHtml is not null).Select(o => o.FeedbackHtml!)]))
            .ToList();
        return new QuizResultView(result, isFinal, items);
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
