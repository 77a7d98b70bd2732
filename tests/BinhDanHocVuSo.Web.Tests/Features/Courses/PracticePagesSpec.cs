using System.Net;
using System.Text.RegularExpressions;
using BinhDanHocVuSo.Web.Hosting;
using BinhDanHocVuSo.Web.Tests.Support;

namespace BinhDanHocVuSo.Web.Tests.Features.Courses;

/// <summary>
/// A lesson with a simulation (TestData/practice-courses: paying a QR code, with a trap on the first screen and one on
/// the confirmation screen). The lesson draws a phone labelled as practice; without JavaScript each tap asks the
/// server for the next screen, the path so far in the address.
/// </summary>
public sealed class PracticePagesSpec() : PlatformSpec(DatabaseProvider.Sqlite, new Dictionary<string, string?>
{
    ["Content:CoursesPath"] = Repository.Path("tests/BinhDanHocVuSo.Web.Tests/TestData/practice-courses"),
})
{
    const string Lesson = "/c/tap-duot/tra-tien";
    const string Practice = Lesson + "/practice/tra-tien-qr";

    [Fact]
    public async Task The_lesson_draws_a_phone_labelled_as_practice_showing_only_the_first_screen_with_real_buttons()
    {
        var page = await Platform.Browser().GetStringAsync(Lesson);

        page.Should().Contain("Tập dượt · thực hành").And.Contain("Ngân hàng Tập Dượt · Tập dượt");
        Regex.Matches(page, "<form class=\"screen\"[^>]*>").Select(m => m.Value.Contains(" hidden")).Should().Equal(false, true, true, true);
        page.Should().Contain("<form class=\"screen\" method=\"get\" action=\"/c/tap-duot/tra-tien/practice/tra-tien-qr\" data-screen=\"trang-chu\">");
        page.Should().Contain("<button name=\"path\" value=\"0\" data-i=\"0\" data-go=\"quet-ma\">Quét mã QR</button>");
        page.Should().Contain("aria-live=\"polite\"");
    }

    [Fact]
    public async Task Without_javascript_the_right_way_reaches_the_end_screen_one_server_screen_per_tap()
    {
        var phone = Platform.Browser();

        var confirm = await phone.GetStringAsync(Practice + "?path=0");
        var end = await phone.GetStringAsync(Practice + "?path=0.0");

        confirm.Should().Contain("<h3 tabindex=\"-1\">Xác nhận</h3>").And.Contain("<dt>Người nhận</dt><dd>PHO BA HOA</dd>");
        confirm.Should().Contain("<button name=\"path\" value=\"0.0\"").And.Contain("<button name=\"path\" value=\"0.1\"");
        end.Should().Contain("Giao dịch thành công").And.Contain("Tên người nhận khớp với tên quán.").And.Contain("Bạn đã làm đúng từ đầu đến cuối.");
    }

    [Fact]
    public async Task Without_javascript_a_trap_stops_the_run_with_what_would_have_happened_and_a_way_to_try_again()
    {
        var phone = Platform.Browser();

        var trap = await phone.GetStringAsync(Practice + "?path=0.1");
        var detourThenTrap = await phone.GetStringAsync(Practice + "?path=2.0.1");

        trap.Should().Contain("role=\"alert\"").And.Contain("Dừng lại!").And.Contain("Bạn sẽ trả gấp mười lần");
        trap.Should().Contain($"<a class=\"btn\" href=\"{Practice}\">Thử lại</a>");
        detourThenTrap.Should().Contain("Đường link lạ có thể mở một trang giả", "the detour to the history and back leads to the first screen again");
    }

    [Theory]
    [InlineData("9")]
    [InlineData("0.1.0")]
    [InlineData("a.b")]
    public async Task A_path_that_is_not_a_possible_run_starts_again(string path)
    {
        var response = await Platform.Browser().GetAsync(Practice + "?path=" + path);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().Should().Be(Practice);
    }

    [Fact]
    public async Task An_unknown_practice_is_not_found()
    {
        var response = await Platform.Browser().GetAsync(Lesson + "/practice/khong-co");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}
