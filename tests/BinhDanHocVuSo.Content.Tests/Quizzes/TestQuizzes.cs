using BinhDanHocVuSo.Content.Markdown;
using BinhDanHocVuSo.Content.Quizzes;

namespace BinhDanHocVuSo.Content.Tests.Quizzes;

/// <summary>Quizzes written in the authors' syntax, so the tests read like lessons.</summary>
internal static class TestQuizzes
{
    public static Quiz Parse(string markdown, string quizId = "bai-hoc")
    {
        var rendered = LessonPipeline.Render(markdown, new MarkdownRenderContext("khoa-hoc", null, quizId));
        rendered.Problems.Should().BeEmpty();
        return rendered.Quiz!;
    }

    /// <summary>One question of each kind: single "s" (b right), multiple "m" (a, b right), truefalse "tf" (Sai right), order "o".</summary>
    public static Quiz OneOfEachKind => Parse("""
        ??? quiz
        ? single s
        Bạn làm gì khi có người xin mã OTP?
        - [ ] Đọc mã cho họ.
          > Ai có mã OTP là có thể giao dịch thay bạn.
        - [x] Cúp máy.
          > Đúng.
        - [ ] Gửi mã qua Zalo.
        > Ngân hàng không xin mã OTP.

        ? multiple m
        Dấu hiệu lừa đảo?
        - [x] Giục làm ngay.
        - [x] Link lạ.
        - [ ] Thông báo số dư.
        > Kẻ gian tạo cảm giác gấp gáp.

        ? truefalse tf
        Ngân hàng có thể xin mã OTP.
        - [ ] Đúng
        - [x] Sai
        > Không bao giờ.

        ? order o
        Sắp xếp các bước:
        1. Dừng lại.
        2. Gọi tổng đài.
        3. Báo người thân.
        > Dừng lại trước.
        ???
        """);

    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Answers(params (string Question, string[] Values)[] answers) =>
        answers.ToDictionary(a => a.Question, a => (IReadOnlyList<string>)a.Values);
}
