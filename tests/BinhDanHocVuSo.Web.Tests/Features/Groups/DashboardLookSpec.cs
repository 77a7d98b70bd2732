using System.Text.RegularExpressions;
using BinhDanHocVuSo.Web.Data;
using BinhDanHocVuSo.Web.Features.Accounts;
using BinhDanHocVuSo.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BinhDanHocVuSo.Web.Tests.Features.Groups;

/// <summary>The group dashboard's chart and its legend read as the trainer expects.</summary>
public sealed partial class DashboardLookSpec(SqlitePlatform shared) : PlatformSpec(shared), IClassFixture<SqlitePlatform>
{
    [Fact]
    public async Task The_chart_writes_course_titles_in_Vietnamese_letters_once_encoded_as_text_that_wraps()
    {
        var (trainer, group) = await Platform.TrainerWithGroupAsync();
        await trainer.SubmitFormAsync($"/groups/{group}?handler=Assign", new() { ["course"] = "khoa-mau", ["due"] = "" }, $"/groups/{group}");

        var page = await trainer.GetStringAsync($"/groups/{group}");

        page.Should().Contain("<span class=\"chart-title\">Khoá học mẫu</span>").And.NotContain("Kho&#");
    }

    [Theory]
    [InlineData("inprogress", "#0b5cad")]
    [InlineData("overdue", "#b3261e")]
    [InlineData("done", "#1a7f37")]
    public void Each_legend_square_has_the_colour_of_its_bars_in_the_chart(string state, string chartColour)
    {
        var css = File.ReadAllText(Repository.Path("src/BinhDanHocVuSo.Web/wwwroot/css/site.css"));
        var dashboard = File.ReadAllText(Repository.Path("src/BinhDanHocVuSo.Web/Features/Groups/Dashboard.cshtml"));
        var variables = Variable().Matches(css).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);

        var rule = Regex.Match(css, $@"(?:^|[}}\s,])\.{state}\s*\{{[^}}]*color:\s*([^;}}]+)", RegexOptions.Multiline);
        var colour = rule.Groups[1].Value.Trim();
        colour = colour.StartsWith("var(", StringComparison.Ordinal) ? variables[colour[6..^1]] : colour;

        rule.Success.Should().BeTrue($"the .{state} legend square needs a colour, else it is black");
        colour.Should().BeEquivalentTo(chartColour);
        dashboard.Should().Contain($"\"{chartColour}\"", "the chart draws that state in this colour");
    }

    [Fact]
    public async Task Where_it_says_scan_the_QR_the_dashboard_shows_the_groups_QR_code_of_its_join_link()
    {
        var (trainer, group) = await Platform.TrainerWithGroupAsync("Tổ 3 thôn Nà Vài");
        string code;
        using (var scope = Platform.Services.CreateScope())
        {
            code = (await scope.ServiceProvider.GetRequiredService<AppDbContext>().Groups.SingleAsync(g => g.Id == group)).JoinCode;
        }

        var page = await trainer.GetStringAsync($"/groups/{group}");
        var join = page[page.IndexOf("quét mã QR", StringComparison.Ordinal)..];

        join.Should().MatchRegex("^[^<]*</p>\\s*<figure class=\"join-qr\"><svg class=\"qr\"", "the QR code comes right after the words that mention it");
        join.Should().Contain("aria-label=\"Mã QR để vào nhóm Tổ 3 thôn Nà Vài\"");
        var link = System.Net.WebUtility.HtmlDecode(Regex.Match(page, $"<a href=\"/join/{code}\">([^<]+)</a>").Groups[1].Value);
        link.Should().EndWith($"/join/{code}");
        BinhDanHocVuSo.Web.Features.Posters.QrCode.Svg(link, "Mã QR để vào nhóm Tổ 3 thôn Nà Vài").Value
            .Should().Be(Regex.Match(join, "<svg class=\"qr\".*?</svg>").Value, "it encodes the group's join link");
    }

    [Fact]
    public async Task Members_to_call_are_listed_with_their_phone_numbers_for_the_groups_trainers_only()
    {
        var (trainer, group) = await Platform.TrainerWithGroupAsync("Tổ 4 thôn Nà Vài");
        var member = await Platform.CreateAsync();
        string code;
        using (var scope = Platform.Services.CreateScope())
        {
            code = (await scope.ServiceProvider.GetRequiredService<AppDbContext>().Groups.SingleAsync(g => g.Id == group)).JoinCode;
        }
        (await (await Platform.SignedInAs(member)).SubmitFormAsync($"/join/{code}", [])).StatusCode.Should().Be(System.Net.HttpStatusCode.Redirect);
        var admin = await Platform.SignedInAs(await Platform.CreateAsync(Roles.Admin));

        var trainers = await trainer.GetStringAsync($"/groups/{group}");
        var admins = await admin.GetStringAsync($"/groups/{group}");

        var shown = BinhDanHocVuSo.Web.Features.Accounts.PhoneNumber.Display(member.Phone);
        var toCall = trainers[trainers.IndexOf("Nên đến tận nhà hoặc gọi điện", StringComparison.Ordinal)..];
        toCall[..toCall.IndexOf("</ul>", StringComparison.Ordinal)].Should().Contain($"<a href=\"tel:{member.Phone}\">{shown}</a>");
        admins.Should().NotContain(shown).And.NotContain($"tel:{member.Phone}", "an admin who does not run the group does not call its members");
    }

    [GeneratedRegex(@"--([a-z]+):(#[0-9a-fA-F]{3,6})")]
    private static partial Regex Variable();
}
