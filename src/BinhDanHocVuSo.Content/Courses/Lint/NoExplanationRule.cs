namespace BinhDanHocVuSo.Content.Courses.Lint;

/// <summary><c>no-explanation</c>: a question has no explanation (no <c>&gt;</c> line), so the learner who got it wrong learns nothing.</summary>
public sealed class NoExplanationRule : LintRule
{
    public const string RuleId = "no-explanation";

    public override string Id => RuleId;

    public override IEnumerable<LintFinding> Check(LintedCourse course) =>
        course.Questions
            .Where(x => string.IsNullOrWhiteSpace(QuizText.Plain(x.Question.ExplanationHtml)))
            .Select(x => Finding(x.Quiz, x.Question,
                "it has no explanation: add a line starting with \">\" after its answers, saying why the right answer is right"));
}
