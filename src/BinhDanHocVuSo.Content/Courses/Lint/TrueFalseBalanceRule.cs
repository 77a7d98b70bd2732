using BinhDanHocVuSo.Content.Quizzes;

namespace BinhDanHocVuSo.Content.Courses.Lint;

/// <summary>
/// <c>truefalse-balance</c>: across a course (lessons and final quiz), one value ("Đúng" or "Sai") is the answer of
/// more than 70 % of its true/false questions. Judged from 3 true/false questions on; fewer cannot be balanced.
/// </summary>
public sealed class TrueFalseBalanceRule : LintRule
{
    public const string RuleId = "truefalse-balance";

    /// <summary>The share of one answer above which the course is unbalanced.</summary>
    public const double MaxShare = 0.7;

    /// <summary>Courses with fewer true/false questions are not judged.</summary>
    public const int MinimumQuestions = 3;

    public override string Id => RuleId;

    public override IEnumerable<LintFinding> Check(LintedCourse course)
    {
        var judged = course.Questions.Where(x => x.Question.Kind == QuestionKind.TrueFalse && Judges(x.Question)).ToList();
        if (judged.Count < MinimumQuestions)
        {
            yield break;
        }

        var majority = judged
            .GroupBy(x => QuizText.Plain(x.Question.Options.Single(o => o.IsCorrect).TextHtml))
            .OrderByDescending(g => g.Count())
            .First();
        if (majority.Count() > MaxShare * judged.Count)
        {
            var (quiz, question) = majority.First();
            var ids = string.Join(", ", majority.Select(x => $"'{x.Question.Id}'"));
            yield return Finding(quiz, question,
                $"\"{majority.Key}\" is the answer of {majority.Count()} of the course's {judged.Count} true/false questions ({ids}); " +
                $"at most {MaxShare * 100:0} % may share one answer: rewrite some statements so that the other answer is right");
        }
    }
}
