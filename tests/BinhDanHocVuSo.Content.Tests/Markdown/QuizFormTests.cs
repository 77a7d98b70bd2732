using BinhDanHocVuSo.Content.Courses;
using BinhDanHocVuSo.Content.Markdown;
using BinhDanHocVuSo.Content.Quizzes;
using BinhDanHocVuSo.Content.Competences;

namespace BinhDanHocVuSo.Content.Tests.Markdown;

public class QuizFormTests
{
    private static readonly string[] _correctnessMarkers = ["checked", "correct", "right", "answer", "true", "false", "selected", "data-c", "[x]", "feedback", "explanation"];

    public static TheoryData<SpecExample> QuizExamples =>
        [.. SpecExample.ReadAll(RepositoryPaths.Specs).Where(e => e.Markdown.Contains("??? quiz") && !e.Markdown.Contains("? order "))];

    [Theory]
    [MemberData(nameof(QuizExamples))]
    public void A_golden_quiz_renders_the_same_whichever_option_is_right(SpecExample example)
    {
        var flipped = QuizFlipper.Flip(example.Markdown);
        flipped.Should().NotBe(example.Markdown, "the test must really change the right answers");

        LessonPipeline.ToHtml(flipped, GoldenSpecTests.Context).Should().Be(LessonPipeline.ToHtml(example.Markdown, GoldenSpecTests.Context));
    }

    [Fact]
    public void No_real_lesson_renders_differently_when_its_right_answers_change()
    {
        var files = Directory.Exists(RepositoryPaths.Courses)
            ? Directory.EnumerateDirectories(RepositoryPaths.Courses)
                .SelectMany(course => Directory.EnumerateFiles(course, "*.md"))
                .Where(f => File.ReadAllText(f).Contains("??? quiz"))
                .ToList()
            : [];

        foreach (var file in files)
        {
            var markdown = File.ReadAllText(file);
            var context = new MarkdownRenderContext("khoa-hoc", Path.GetDirectoryName(file), "bai-hoc");

            LessonPipeline.ToHtml(QuizFlipper.Flip(markdown), context)
                .Should().Be(LessonPipeline.ToHtml(markdown, context), because: $"{file} must not reveal its right answers");
        }
    }

    [Fact]
    public void No_quiz_form_in_the_real_courses_or_the_golden_specs_contains_a_marker_of_correctness()
    {
        var forms = SpecExample.ReadAll(RepositoryPaths.Specs).Select(e => LessonPipeline.ToHtml(e.Markdown, GoldenSpecTests.Context)).ToList();
        var catalog = CourseLoader.Load(RepositoryPaths.Courses, CompetenceModel.Load(RepositoryPaths.Competences));
        forms.AddRange(catalog.Courses.SelectMany(c => c.Lessons.Select(l => l.Html)));
        forms.AddRange(catalog.Courses.Where(c => c.FinalQuiz is not null).Select(c => QuizHtml.Render(c.FinalQuiz!)));

        foreach (var form in forms.SelectMany(QuizFormsIn))
        {
            form.ToLowerInvariant().Should().NotContainAny(_correctnessMarkers);
            form.Replace(QuizHtml.FormFieldsPlaceholder, "").Should().NotContain("<!--");
        }
    }

    [Fact]
    public void Feedback_and_explanations_stay_out_of_the_form_until_the_learner_submits()
    {
        var catalog = CourseLoader.Load(RepositoryPaths.Courses, CompetenceModel.Load(RepositoryPaths.Competences));
        var quizzes = catalog.Courses.SelectMany(c => c.Lessons.Select(l => l.Quiz).Append(c.FinalQuiz))
            .Concat(SpecExample.ReadAll(RepositoryPaths.Specs).Select(e => LessonPipeline.Render(e.Markdown, GoldenSpecTests.Context).Quiz))
            .OfType<Quiz>()
            .ToList();
        quizzes.Should().NotBeEmpty();

        foreach (var quiz in quizzes)
        {
            var form = QuizHtml.Render(quiz);
            foreach (var question in quiz.Questions)
            {
                form.Should().NotContain(question.ExplanationHtml);
                foreach (var feedback in question.Options.Select(o => o.FeedbackHtml).OfType<string>())
                {
                    form.Should().NotContain(feedback);
                }
            }
        }
    }

    [Fact]
    public void The_form_posts_without_javascript_and_leaves_a_place_for_the_web_layer_fields()
    {
        var html = LessonPipeline.ToHtml(SpecExample.ReadAll(RepositoryPaths.Specs).First(e => e.Markdown.Contains("? single ")).Markdown, GoldenSpecTests.Context);

        html.Should().StartWith("<form class=\"quiz\" method=\"post\" data-quiz=\"bai-hoc\">\n<!--form-fields-->\n")
            .And.Contain("<button type=\"submit\">Nộp bài</button>\n</form>")
            .And.NotContain("<script");
    }

    private static IEnumerable<string> QuizFormsIn(string html)
    {
        for (var start = html.IndexOf("<form", StringComparison.Ordinal); start >= 0; start = html.IndexOf("<form", start + 1, StringComparison.Ordinal))
        {
            var end = html.IndexOf("</form>", start, StringComparison.Ordinal);
            // A practice screen is a rehearsal, not a graded question: it carries its way forward and its traps so that it
            // plays in place and offline (courses/README.md, "Practice blocks").
            if (!html.AsSpan(start, end - start).StartsWith("<form class=\"screen\"", StringComparison.Ordinal))
            {
                yield return html[start..end];
            }
        }
    }
}
