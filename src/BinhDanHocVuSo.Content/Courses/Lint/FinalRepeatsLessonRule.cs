namespace BinhDanHocVuSo.Content.Courses.Lint;

/// <summary>
/// <c>final-repeats-lesson</c>: a question of the final quiz has the same prompt as a lesson question of the course
/// (compared without case, spaces and punctuation). The final quiz should test new situations, not recall.
/// </summary>
public sealed class FinalRepeatsLessonRule : LintRule
{
    public const string RuleId = "final-repeats-lesson";

    public override string Id => RuleId;

    public override IEnumerable<LintFinding> Check(LintedCourse course)
    {
        if (course.FinalQuiz is not { } final)
        {
            yield break;
        }

        var lessonPrompts = new Dictionary<string, (LintedQuiz Quiz, string QuestionId)>(StringComparer.Ordinal);
        foreach (var quiz in course.LessonQuizzes)
        {
            foreach (var question in quiz.Quiz.Questions)
            {
                lessonPrompts.TryAdd(QuizText.Comparable(question.PromptHtml), (quiz, question.Id));
            }
        }

        foreach (var question in final.Quiz.Questions)
        {
            if (lessonPrompts.TryGetValue(QuizText.Comparable(question.PromptHtml), out var lesson))
            {
                yield return Finding(final, question,
                    $"its prompt repeats question '{lesson.QuestionId}' of {lesson.Quiz.File}: the final quiz should test the same idea in a new situation " +
                    "(another person, message or place), so that learners apply what they learnt rather than recall an answer");
            }
        }
    }
}
