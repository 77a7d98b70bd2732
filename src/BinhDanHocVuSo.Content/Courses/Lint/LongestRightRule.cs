using BinhDanHocVuSo.Content.Quizzes;

namespace BinhDanHocVuSo.Content.Courses.Lint;

/// <summary>
/// <c>longest-right</c>: in one quiz, the right option is the longest (or tied for longest) in more than half of
/// the single-answer questions. Learners soon learn to pick the longest option without reading.
/// </summary>
public sealed class LongestRightRule : LintRule
{
    public const string RuleId = "longest-right";

    public override string Id => RuleId;

    public override IEnumerable<LintFinding> Check(LintedCourse course)
    {
        foreach (var quiz in course.Quizzes)
        {
            var judged = quiz.Quiz.Questions.Where(q => q.Kind == QuestionKind.Single && q.Options.Count > 1 && Judges(q)).ToList();
            var longest = judged.Where(RightIsLongest).ToList();
            if (longest.Count * 2 > judged.Count)
            {
                var ids = string.Join(", ", longest.Select(q => $"'{q.Id}'"));
                yield return Finding(quiz, longest[0],
                    $"the right option is the longest in {longest.Count} of the {judged.Count} single-answer questions of this quiz ({ids}): " +
                    "shorten the right option or lengthen a wrong one (a plausible detail, not padding) in some of them, so that length does not give the answer away");
            }
        }
    }

    private static bool RightIsLongest(Question question)
    {
        var lengths = question.Options.Select(o => (o.IsCorrect, Length: QuizText.Plain(o.TextHtml).Length)).ToList();
        var right = lengths.Single(o => o.IsCorrect).Length;
        return lengths.All(o => o.Length <= right);
    }
}
