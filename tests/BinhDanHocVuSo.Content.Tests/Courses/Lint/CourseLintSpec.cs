using BinhDanHocVuSo.Content.Competences;
using BinhDanHocVuSo.Content.Courses;
using BinhDanHocVuSo.Content.Courses.Lint;

namespace BinhDanHocVuSo.Content.Tests.Courses.Lint;

/// <summary>
/// TestData/LintCourses holds courses that load without syntax errors but break one quiz rule each, as
/// <c>validate</c> reports them: at the file and line of the question, naming the rule, the question and what to change.
/// </summary>
public class CourseLintSpec
{
    private static readonly CourseCatalog _catalog =
        CourseLoader.Load(Path.Combine(RepositoryPaths.TestData, "LintCourses"), CompetenceModel.Load(RepositoryPaths.Competences));

    private static List<ContentError> ErrorsOf(string folder) =>
        [.. _catalog.Errors.Where(e => e.File.StartsWith($"LintCourses/{folder}/", StringComparison.Ordinal))];

    private static ContentError TheOnlyErrorOf(string folder)
    {
        var errors = ErrorsOf(folder);
        errors.Should().ContainSingle("the course '{0}' breaks one rule only", folder);
        return errors[0];
    }

    [Fact]
    public void A_question_without_explanation_is_reported_at_its_line()
    {
        var error = TheOnlyErrorOf("no-explanation");

        error.ToString().Should().StartWith("LintCourses/no-explanation/01-bai-hoc.md:11: question 'otp-1' breaks the quiz rule no-explanation: it has no explanation");
    }

    [Fact]
    public void A_choice_of_two_options_is_reported_as_too_few()
    {
        var error = TheOnlyErrorOf("few-options");

        error.ToString().Should().StartWith("LintCourses/few-options/01-bai-hoc.md:11: question 'otp-1' breaks the quiz rule few-options: it has 2 options");
    }

    [Fact]
    public void A_multiple_question_where_all_options_but_one_are_right_is_reported()
    {
        var error = TheOnlyErrorOf("all-but-one-right");

        error.ToString().Should().StartWith("LintCourses/all-but-one-right/01-bai-hoc.md:11: question 'dau-hieu' breaks the quiz rule all-but-one-right: 2 of its 3 options are right");
    }

    [Fact]
    public void A_quiz_whose_right_option_is_mostly_the_longest_is_reported_at_the_first_such_question_naming_all()
    {
        var error = TheOnlyErrorOf("longest-right");

        error.ToString().Should().StartWith("LintCourses/longest-right/01-bai-hoc.md:11: question 'otp-1' breaks the quiz rule longest-right: the right option is the longest in 2 of the 3 single-answer questions of this quiz ('otp-1', 'otp-2')");
    }

    [Fact]
    public void A_course_whose_true_false_answers_are_mostly_the_same_is_reported_counting_lessons_and_final_quiz()
    {
        var error = TheOnlyErrorOf("truefalse-balance");

        error.ToString().Should().StartWith("LintCourses/truefalse-balance/01-bai-hoc.md:11: question 'otp-1' breaks the quiz rule truefalse-balance: \"Sai\" is the answer of 3 of the course's 4 true/false questions ('otp-1', 'otp-2', 'cuoi-1')");
    }

    [Fact]
    public void A_final_question_repeating_a_lesson_prompt_is_reported_even_with_other_case_and_punctuation()
    {
        var error = TheOnlyErrorOf("final-repeats-lesson");

        error.ToString().Should().StartWith("LintCourses/final-repeats-lesson/course.md:21: question 'cuoi-1' breaks the quiz rule final-repeats-lesson: its prompt repeats question 'otp-1' of LintCourses/final-repeats-lesson/01-bai-hoc.md");
    }

    [Fact]
    public void Every_finding_says_how_to_silence_it_with_a_reason()
    {
        TheOnlyErrorOf("few-options").Message.Should().EndWith("If it is deliberate, write \"! allow few-options: why\" on the line under \"? … otp-1\"");
    }

    [Fact]
    public void A_rule_silenced_with_a_reason_lets_the_course_load()
    {
        ErrorsOf("silenced-with-reason").Should().BeEmpty();
        _catalog.Find("co-ly-do").Should().NotBeNull();
    }

    [Fact]
    public void A_silence_without_a_reason_is_refused_at_its_line()
    {
        var errors = ErrorsOf("silenced-without-reason");

        errors.Should().Contain(e => e.Line == 12 && e.Message.Contains("no reason"));
        _catalog.Find("khong-ly-do").Should().BeNull();
    }

    [Fact]
    public void A_silence_of_an_unknown_rule_is_refused_at_its_line_and_silences_nothing()
    {
        var errors = ErrorsOf("silenced-unknown-rule");

        errors.Select(e => e.ToString()).Should().Equal(
            "LintCourses/silenced-unknown-rule/01-bai-hoc.md:11: question 'otp-1' breaks the quiz rule few-options: it has 2 options; a choice needs at least 3: add a wrong option that is a real mistake people make, or make it \"? truefalse\" if it is a yes/no statement. If it is deliberate, write \"! allow few-options: why\" on the line under \"? … otp-1\"",
            $"LintCourses/silenced-unknown-rule/01-bai-hoc.md:12: question 'otp-1' allows an unknown quiz rule 'it-lua-chon': use one of {string.Join(", ", CourseLint.RuleIds)}");
    }

    [Fact]
    public void A_course_that_breaks_no_rule_loads()
    {
        ErrorsOf("00-valid-course").Should().BeEmpty();
        _catalog.Find("khoa-hop-le").Should().NotBeNull();
    }

    [Fact]
    public void Every_rule_has_a_course_that_breaks_it_and_every_folder_is_accounted_for()
    {
        var folders = Directory.EnumerateDirectories(Path.Combine(RepositoryPaths.TestData, "LintCourses")).Select(Path.GetFileName).ToList();

        folders.Should().Contain(CourseLint.RuleIds);
        _catalog.Courses.Select(c => c.Slug).Should().BeEquivalentTo("khoa-hop-le", "co-ly-do");
    }
}
