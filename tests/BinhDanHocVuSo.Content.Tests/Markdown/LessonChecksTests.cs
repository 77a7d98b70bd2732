using BinhDanHocVuSo.Content.Markdown;
using BinhDanHocVuSo.Content.Markdown.Images;

namespace BinhDanHocVuSo.Content.Tests.Markdown;

public class LessonChecksTests
{
    private static RenderedMarkdown Render(string markdown) =>
        LessonPipeline.Render(markdown, new MarkdownRenderContext("khoa-hoc", Path.Combine(RepositoryPaths.TestData, "Media"), "bai-hoc"));

    [Theory]
    [InlineData("Dòng một.\n\n<b>đậm</b>", 3, "raw HTML '<b>'")]
    [InlineData("::: note\nChú ý.\n:::", 1, "unknown box '::: note'")]
    [InlineData("Bài.\n\n::: tip\nChú ý.\n", 3, "the box '::: tip' is never closed")]
    [InlineData("Bấm [vào đây](javascript:alert(1)).", 1, "'javascript:alert(1)' is not allowed")]
    [InlineData("Dòng một\ndòng hai [vào đây](javascript:x).", 2, "'javascript:x' is not allowed")]
    [InlineData("Dòng một\ndòng hai <i>nghiêng</i>.", 2, "raw HTML '<i>'")]
    [InlineData("\n![Ảnh](https://example.com/a.png)", 2, "must be a file beside the lesson")]
    [InlineData("![Ảnh](../khac/a.png)", 1, "must be a file beside the lesson")]
    [InlineData("![Ảnh](hinh.bmp)", 1, "use a .png, .jpg, .gif or .webp file, or an .svg drawing")]
    public void A_lesson_mistake_is_reported_at_its_line(string markdown, int line, string message)
    {
        Render(markdown).Problems.Should().ContainSingle().Which.Should().Match<MarkdownProblem>(p => p.Line == line && p.Message.Contains(message));
    }

    [Fact]
    public void Html_written_as_code_is_not_raw_html()
    {
        Render("Gõ `<b>` để thử.\n\n```\n<div>ví dụ</div>\n```\n").Problems.Should().BeEmpty();
    }

    [Fact]
    public void The_size_of_a_jpeg_is_read_from_its_frame_header()
    {
        byte[] jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, 0x00, 0x00, 0xFF, 0xC0, 0x00, 0x11, 0x08, 0x01, 0xE0, 0x02, 0x80, 0x03, 0, 0, 0, 0, 0, 0, 0, 0, 0];

        ImageSize.Read(jpeg).Should().Be((640, 480));
    }
}
