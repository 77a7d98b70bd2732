using BinhDanHocVuSo.Content.Quizzes;

namespace BinhDanHocVuSo.Content.Courses.Lint;

/// <summary>
/// A quality rule for the quizzes of a course, beyond the syntax: one that a course can break while still being
/// readable, e.g. "the right option is usually the longest". Findings fail <c>validate</c> like other content errors.
/// An author silences a rule for one question with <c>! allow RULE-ID: reason</c> under its <c>?</c> line; a
/// silenced question is also left out of the counts of the rules that judge a whole quiz or course.
/// </summary>
public abstract class LintRule
{
    /// <summary>The id authors write in <c>! allow</c> and see in every finding, e.g. <c>few-options</c>.</summary>
    public abstract string Id { get; }

    /// <summary>The findings of this rule on a course, silenced ones included (the caller drops those).</summary>
    public abstract IEnumerable<LintFinding> Check(LintedCourse course);

    /// <summary>Whether a question is judged by this rule, i.e. does not carry <c>! allow</c> for it.</summary>
    protected bool Judges(Question question) => !question.Allowances.Any(a => a.RuleId == Id);

    /// <summary>A finding of this rule on <paramref name="question"/> of <paramref name="quiz"/>.</summary>
    protected LintFinding Finding(LintedQuiz quiz, Question question, string message) => new(Id, quiz, question, message);
}

/// <summary>One problem a rule found, located at a question.</summary>
/// <param name="RuleId">The rule that found it.</param>
/// <param name="Quiz">The quiz of the question.</param>
/// <param name="Question">The question the finding is reported at (its "?" line).</param>
/// <param name="Message">What is wrong and what to change.</param>
public sealed record LintFinding(string RuleId, LintedQuiz Quiz, Question Question, string Message);

/// <summary>A quiz with the file it comes from, as shown to authors.</summary>
/// <param name="Quiz">The quiz.</param>
/// <param name="File">Its file, relative to the content root (e.g. <c>courses/an-toan/01-otp.md</c>).</param>
/// <param name="IsFinal">True for the final quiz of course.md.</param>
public sealed record LintedQuiz(Quiz Quiz, string File, bool IsFinal);

/// <summary>The quizzes of one course: the lessons' in lesson order, then the final quiz.</summary>
public sealed record LintedCourse(IReadOnlyList<LintedQuiz> Quizzes)
{
    /// <summary>The lessons' quizzes.</summary>
    public IEnumerable<LintedQuiz> LessonQuizzes => Quizzes.Where(q => !q.IsFinal);

    /// <summary>The final quiz, or null.</summary>
    public LintedQuiz? FinalQuiz => Quizzes.FirstOrDefault(q => q.IsFinal);

    /// <summary>Every question of the course with its quiz.</summary>
    public IEnumerable<(LintedQuiz Quiz, Question Question)> Questions =>
        Quizzes.SelectMany(quiz => quiz.Quiz.Questions.Select(question => (quiz, question)));
}
