using BinhDanHocVuSo.Content.Markdown;

namespace BinhDanHocVuSo.Content.Tests.Markdown;

public class GoldenSpecTests
{
    public static TheoryData<SpecExample> Examples => [.. SpecExample.ReadAll(RepositoryPaths.Specs)];

    internal static MarkdownRenderContext Context => new("khoa-hoc", Path.Combine(RepositoryPaths.TestData, "Media"), "bai-hoc");

    [Theory]
    [MemberData(nameof(Examples))]
    public void Each_golden_example_renders_exactly_as_written_in_its_spec_file(SpecExample example)
    {
        var html = LessonPipeline.ToHtml(example.Markdown, Context);

        html.TrimEnd('\n').Should().Be(example.Html.TrimEnd('\n'), because: $"{example} must render as written in its spec file");
    }

    [Fact]
    public void The_spec_files_cover_every_question_kind_and_box()
    {
        var markdown = string.Join('\n', SpecExample.ReadAll(RepositoryPaths.Specs).Select(e => e.Markdown));

        markdown.Should().ContainAll("? single ", "? multiple ", "? truefalse ", "? order ", "::: tip", "::: warning", "::: example", "<script>", "| ");
    }

    [Fact]
    public void Vietnamese_letters_are_written_as_characters_not_html_entities()
    {
        var html = LessonPipeline.ToHtml("Người dân **đăng nhập** ứng dụng; ví dụ: “Đúng”.", Context);

        html.Should().Contain("Người dân <strong>đăng nhập</strong> ứng dụng; ví dụ: “Đúng”.").And.NotContain("&#");
    }

    [Fact]
    public void Rendering_from_many_threads_at_once_gives_the_same_html()
    {
        var example = SpecExample.ReadAll(RepositoryPaths.Specs).First(e => e.Markdown.Contains("? order "));
        var expected = LessonPipeline.ToHtml(example.Markdown, Context);

        var results = new string[64];
        Parallel.For(0, results.Length, i => results[i] = LessonPipeline.ToHtml(example.Markdown, Context));

        results.Should().AllBe(expected);
    }
}
