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
    public async Task Under_each_practice_title_the_lesson_says_it_counts_as_done_only_once_the_practice_is_passed()
    {
        var phone = Platform.Browser();

        var simulation = await phone.GetStringAsync(Lesson);
        var serverScreen = await phone.GetStringAsync(Practice + "?path=0");
        var drill = await phone.GetStringAsync("/c/tap-duot/nhan-biet");

        const string Rule = "<p class=\"muted\">Bài học chỉ được tính là xong khi bạn làm đạt phần tập dượt này.</p>";
        simulation.Should().Contain("<h2>Tập trả tiền bằng mã QR</h2>\n" + Rule);
        serverScreen.Should().Contain("<h2>Tập trả tiền bằng mã QR</h2>\n" + Rule, "the page a tap asks for without JavaScript says it too");
        drill.Should().Contain("<h2>Tin nào thật, tin nào lừa đảo?</h2>\n" + Rule);
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
    public async Task A_lesson_with_a_simulation_and_its_css_and_js_still_fits_in_14_KB_compressed()
    {
        var browser = Platform.Browser();
        var (htmlBytes, html) = await PageBudgetSpec.Fetch(browser, Lesson);
        var total = htmlBytes;
        foreach (var asset in ShippedSite.StylesAndScripts(html))
        {
            total += (await PageBudgetSpec.Fetch(browser, asset)).Bytes;
        }

        html.Should().Contain("data-practice=\"tra-tien-qr\"");
        total.Should().BeLessThanOrEqualTo(14 * 1024);
    }

    [Fact]
    public async Task An_unknown_practice_is_not_found()
    {
        var response = await Platform.Browser().GetAsync(Lesson + "/practice/khong-co");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}

/// <summary>
/// The scam drill of the test course (4 messages drawn from a bank of 5, pass with 3): one message at a time, the
/// reason after each choice, the run drawn by the server from its run id.
/// </summary>
public sealed class DrillPagesSpec() : PlatformSpec(DatabaseProvider.Sqlite, new Dictionary<string, string?>
{
    ["Content:CoursesPath"] = Repository.Path("tests/BinhDanHocVuSo.Web.Tests/TestData/practice-courses"),
})
{
    const string Drill = "/c/tap-duot/nhan-biet/drill/tin-that-hay-lua";

    [Fact]
    public async Task The_lesson_links_to_a_fresh_run_and_the_same_run_shows_the_same_messages()
    {
        var phone = Platform.Browser();
        var lesson = await phone.GetStringAsync("/c/tap-duot/nhan-biet");
        var start = await phone.GetAsync(Drill);
        var run = start.Headers.Location!.ToString();

        lesson.Should().Contain($"<a class=\"btn\" href=\"{Drill}\">Bắt đầu</a>");
        start.StatusCode.Should().Be(HttpStatusCode.Redirect);
        run.Should().MatchRegex("\\?run=[0-9a-f]{32}$");
        (await phone.GetStringAsync(run)).Should().Be(await phone.GetStringAsync(run)).And.Contain("Tin 1/4").And.Contain(">An toàn</button>").And.Contain(">Lừa đảo</button>");
    }

    [Fact]
    public async Task Each_choice_shows_whether_it_was_right_and_why_and_four_answers_end_the_run_with_the_score()
    {
        var phone = Platform.Browser();
        var run = (await phone.GetAsync(Drill)).Headers.Location!.ToString();
        var answers = "";
        string page = "";
        for (var i = 0; i < 4; i++)
        {
            answers += "s";
            page = await phone.GetStringAsync($"{run}&a={answers}");
            page.Should().MatchRegex("Đúng rồi\\.|Chưa đúng\\.").And.MatchRegex("Tin này (là lừa đảo|an toàn)\\.");
        }

        page.Should().Contain("Bạn phân loại đúng 2/4 tin.", "a run shows two scam messages and two safe ones")
            .And.Contain("Cần đúng ít nhất 3 tin để đạt").And.NotContain("Tin 5/4");
    }

    [Fact]
    public async Task Answers_that_do_not_fit_the_run_start_it_again()
    {
        var phone = Platform.Browser();
        var run = (await phone.GetAsync(Drill)).Headers.Location!.ToString();

        var tooMany = await phone.GetAsync($"{run}&a=sssss");

        tooMany.StatusCode.Should().Be(HttpStatusCode.Redirect);
        tooMany.Headers.Location!.ToString().Should().Be(run);
    }
}
