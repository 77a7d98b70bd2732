using System.Text.Json;
using BinhDanHocVuSo.Web.Tests.Support;

namespace BinhDanHocVuSo.Web.Tests.Features.Accounts;

/// <summary>What a person sees and downloads at <c>/account/data</c> reads as Vietnamese, not as ids and escapes.</summary>
public sealed class MyDataSpec(SqlitePlatform shared) : PlatformSpec(shared), IClassFixture<SqlitePlatform>
{
    [Fact]
    public async Task The_account_page_names_a_started_course_by_its_title()
    {
        var browser = await Platform.SignedInAs(await Platform.CreateAsync());
        await browser.MarkLessonDoneAsync("khoa-mau", "bai-hai");

        var page = await browser.GetStringAsync("/account/data");

        page.Should().Contain(">Khoá học mẫu</a>").And.NotContain("khoa-mau:");
    }

    [Fact]
    public async Task The_download_is_UTF8_JSON_with_Vietnamese_letters_as_they_are_and_course_titles()
    {
        var person = await Platform.CreateAsync(commune: People.OtherCommune);
        var browser = await Platform.SignedInAs(person);
        await browser.MarkLessonDoneAsync("khoa-mau", "bai-hai");

        var response = await browser.GetAsync("/account/data?handler=download");
        var text = await response.Content.ReadAsStringAsync();

        response.Content.Headers.ContentType!.CharSet.Should().Be("utf-8");
        text.Should().Contain("\"Xã Bạch Đằng\"").And.Contain("\"Khoá học mẫu\"").And.NotContain("\\u");
        using var json = JsonDocument.Parse(text);
        json.RootElement.GetProperty("CourseTitles").GetProperty("khoa-mau").GetString().Should().Be("Khoá học mẫu");
        json.RootElement.GetProperty("Progress").GetProperty("Courses")[0].GetProperty("CompletedLessons")[0].GetString().Should().Be("bai-hai");
    }
}
