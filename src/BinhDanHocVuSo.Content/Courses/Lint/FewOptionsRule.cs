using BinhDanHocVuSo.Content.Quizzes;

namespace BinhDanHocVuSo.Content.Courses.Lint;

/// <summary><c>few-options</c>: a single or multiple question has fewer than 3 options (true/false questions aside).</summary>
public sealed class FewOptionsRule : LintRule
{
    public const string RuleId = "few-options";

    public const int MinimumOptions = 3;

    public override string Id => RuleId;

    public override IEnumerable<LintFinding> Check(LintedCourse course) =>
        course.Questions
            .Where(x => x.Question.Kind is QuestionKind.Single or QuestionKind.Multiple && x.Question.Options.Count < MinimumOptions)
            .Select(x => Finding(x.Quiz, x.Question,
                $"it has {x.Question.Options.Count} options; a choice needs at least {MinimumOptions}: add a wrong option that is a real mistake people make, " +
                "or make it \"? truefalse\" if it is a yes/no statement"));
}
