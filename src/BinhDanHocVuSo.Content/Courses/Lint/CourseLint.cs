namespace BinhDanHocVuSo.Content.Courses.Lint;

/// <summary>
/// Runs the quiz quality rules on a course that loaded without other errors. Findings are content errors like
/// any other: <c>validate</c> fails, and the platform leaves the course out until it is fixed.
/// </summary>
public static class CourseLint
{
    /// <summary>Every rule, in the order their findings are listed.</summary>
    public static IReadOnlyList<LintRule> Rules { get; } =
    [
        new NoExplanationRule(),
        new FewOptionsRule(),
        new AllButOneRightRule(),
        new LongestRightRule(),
        new TrueFalseBalanceRule(),
        new FinalRepeatsLessonRule(),
    ];

    /// <summary>The ids of <see cref="Rules"/>.</summary>
    public static IReadOnlyList<string> RuleIds { get; } = [.. Rules.Select(r => r.Id)];

    /// <summary>The findings of every rule on <paramref name="course"/>, and every malformed <c>! allow</c>, sorted by file and line.</summary>
    /// <param name="course">A course that loaded without errors.</param>
    /// <param name="root">The folder error paths are relative to.</param>
    public static IReadOnlyList<ContentError> Check(Course course, string root)
    {
        var linted = Describe(course, root);
        var errors = new List<ContentError>();
        errors.AddRange(CheckAllowances(linted));
        foreach (var rule in Rules)
        {
            errors.AddRange(rule.Check(linted)
                .Where(finding => !finding.Question.Allowances.Any(a => a.RuleId == finding.RuleId))
                .Select(ToError));
        }

        return [.. errors.OrderBy(e => e.File, StringComparer.Ordinal).ThenBy(e => e.Line)];
    }

    /// <summary>The quizzes of a course with their files: the lessons' in lesson order, then the final quiz.</summary>
    public static LintedCourse Describe(Course course, string root)
    {
        var quizzes = course.Lessons
            .Where(lesson => lesson.Quiz is not null)
            .Select(lesson => new LintedQuiz(lesson.Quiz!, ContentPaths.Relative(root, lesson.FilePath), IsFinal: false))
            .ToList();
        if (course.FinalQuiz is { } final)
        {
            var courseFile = Path.Combine(course.DirectoryPath, CourseReader.CourseFileName);
            quizzes.Add(new LintedQuiz(final, ContentPaths.Relative(root, courseFile), IsFinal: true));
        }

        return new LintedCourse(quizzes);
    }

    private static ContentError ToError(LintFinding finding) =>
        new(finding.Quiz.File, finding.Question.Line,
            $"question '{finding.Question.Id}' breaks the quiz rule {finding.RuleId}: {finding.Message}. " +
            $"If it is deliberate, write \"! allow {finding.RuleId}: why\" on the line under \"? … {finding.Question.Id}\"");

    /// <summary>An allowance must name a rule that exists and give a reason: a silent exception would hide the next mistake.</summary>
    private static IEnumerable<ContentError> CheckAllowances(LintedCourse course)
    {
        var known = string.Join(", ", RuleIds);
        foreach (var (quiz, question) in course.Questions)
        {
            foreach (var allowance in question.Allowances)
            {
                if (!RuleIds.Contains(allowance.RuleId))
                {
                    yield return new ContentError(quiz.File, allowance.Line,
                        $"question '{question.Id}' allows an unknown quiz rule '{allowance.RuleId}': use one of {known}");
                }
                else if (string.IsNullOrWhiteSpace(allowance.Reason))
                {
                    yield return new ContentError(quiz.File, allowance.Line,
                        $"question '{question.Id}' silences the quiz rule {allowance.RuleId} without a reason: write it after the colon, \"! allow {allowance.RuleId}: why this question is an exception\"");
                }
            }
        }
    }
}
