using BinhDanHocVuSo.Content.Quizzes;

namespace BinhDanHocVuSo.Content.Courses.Lint;

/// <summary>
/// <c>all-but-one-right</c>: a multiple question has fewer than 2 wrong options (every option right, or all but one).
/// Then ticking everything, or everything but the odd one out, wins without understanding.
/// </summary>
public sealed class AllButOneRightRule : LintRule
{
    public const string RuleId = "all-but-one-right";

    public const int MinimumWrongOptions = 2;

    public override string Id => RuleId;

    public override IEnumerable<LintFinding> Check(LintedCourse course) =>
        course.Questions
            .Where(x => x.Question.Kind == QuestionKind.Multiple && x.Question.Options.Count(o => !o.IsCorrect) < MinimumWrongOptions)
            .Select(x => Finding(x.Quiz, x.Question,
                $"{x.Question.Options.Count(o => o.IsCorrect)} of its {x.Question.Options.Count} options are right: a multiple question needs at least " +
                $"{MinimumWrongOptions} wrong options, so that ticking everything is not the answer; add wrong options that are real mistakes, or turn a right one into a wrong one"));
}
