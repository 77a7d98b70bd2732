using BinhDanHocVuSo.Content.Quizzes;

namespace BinhDanHocVuSo.Web.Features.Courses;

/// <summary>
/// A graded attempt as the page shows it after "Nộp bài": the grade's own verdicts, feedback and explanations, with the
/// quiz's wording of each question and option. <see cref="ShowsAnswers"/> is false for a final quiz that was not passed:
/// it then says which questions were wrong, without the right answers, the explanations or the options' feedback.
/// </summary>
public sealed record QuizResultView(QuizResult Result, bool IsFinal, bool ShowsAnswers, IReadOnlyList<QuizResultItem> Items)
{
    public static QuizResultView From(QuizResult result, Quiz quiz, bool isFinal, string noAnswer)
    {
        var showsAnswers = !isFinal || result.Passed;
        var items = result.Questions
            .Select(r => (Result: r, Question: quiz.FindQuestion(r.QuestionId)))
            .Where(p => p.Question is not null)
            .Select(p => new QuizResultItem(p.Question!, p.Result, Describe(p.Question!, p.Result.Chosen, noAnswer),
                showsAnswers ? Describe(p.Question!, p.Result.RightAnswer, noAnswer) : "",
                showsAnswers ? p.Result.FeedbackHtml ?? [] : [],
                showsAnswers ? p.Result.ExplanationHtml ?? p.Question!.ExplanationHtml : null))
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

/// <summary>One question of the result: its wording, the verdict, the answers described, and what the grader said of it.</summary>
public sealed record QuizResultItem(Question Question, QuestionResult Result, string ChosenHtml, string RightHtml,
    IReadOnlyList<string> FeedbackHtml, string? ExplanationHtml);
