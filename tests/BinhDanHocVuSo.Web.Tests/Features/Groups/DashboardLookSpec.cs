using System.Text.RegularExpressions;
using BinhDanHocVuSo.Web.Tests.Support;

namespace BinhDanHocVuSo.Web.Tests.Features.Groups;

/// <summary>The group dashboard's chart and its legend read as the trainer expects.</summary>
public sealed partial class DashboardLookSpec(SqlitePlatform shared) : PlatformSpec(shared), IClassFixture<SqlitePlatform>
{
    [Fact]
    public async Task The_chart_writes_course_titles_in_Vietnamese_letters_once_encoded()
    {
        var (trainer, group) = await Platform.TrainerWithGroupAsync();
        await trainer.SubmitFormAsync($"/groups/{group}?handler=Assign", new() { ["course"] = "khoa-mau", ["due"] = "" }, $"/groups/{group}");

        var page = await trainer.GetStringAsync($"/groups/{group}");

        page.Should().Contain(">Khoá học mẫu</text>").And.NotContain("Kho&#");
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

    [GeneratedRegex(@"--([a-z]+):(#[0-9a-fA-F]{3,6})")]
    private static partial Regex Variable();
}
