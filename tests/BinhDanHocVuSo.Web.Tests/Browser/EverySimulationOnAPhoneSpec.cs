using System.Net;
using System.Text.RegularExpressions;
using BinhDanHocVuSo.Content.Practice;
using Microsoft.Playwright;

namespace BinhDanHocVuSo.Web.Tests.Browser;

/// <summary>
/// Every simulation the platform ships, played on a 360×640 phone with and without JavaScript: the right way reaches
/// its end screen, and each trap stops the run with that trap's own explanation.
/// </summary>
public sealed partial class EverySimulationOnAPhoneSpec(PhoneBrowser site) : IClassFixture<PhoneBrowser>
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Every_shipped_simulation_ends_the_right_way_and_stops_at_each_of_its_traps_with_the_trap_s_explanation(bool javaScript)
    {
        await using var phone = await site.NewPhoneAsync(javaScript);
        var page = await phone.NewPageAsync();
        var simulations = 0;
        var traps = 0;

        foreach (var course in site.Catalog.Courses)
        {
            foreach (var lesson in course.Lessons)
            {
                var address = $"/c/{course.Slug}/{lesson.Slug}";
                foreach (var practice in lesson.Practices)
                {
                    var block = $"#practice-{practice.Id}";
                    await page.GotoAsync(address);
                    var rightWay = PhoneBrowser.RightWay(practice);
                    await TapAsync(page, block, rightWay);
                    var end = rightWay.Count == 0 ? practice.Start : practice.Screen(rightWay[^1].Screen)!.Choices[rightWay[^1].Choice].Go!;
                    await page.Locator($"{block} [data-screen='{end}']").WaitForAsync(new() { State = WaitForSelectorState.Visible });
                    simulations++;

                    foreach (var screen in practice.Screens)
                    {
                        for (var i = 0; i < screen.Choices.Count; i++)
                        {
                            if (screen.Choices[i].Kind != ChoiceKind.Trap || PhoneBrowser.WayTo(practice, s => s.Id == screen.Id) is not { } way)
                            {
                                continue;
                            }
                            await page.GotoAsync(address);
                            await TapAsync(page, block, [.. way, (screen.Id, i)]);

                            var stop = page.Locator($"{block} .screen.trap");
                            await stop.WaitForAsync(new() { State = WaitForSelectorState.Visible });
                            Words(await stop.TextContentAsync()).Should().Contain(PracticeHtml.StopTitle)
                                .And.Contain(Words(WebUtility.HtmlDecode(Tags().Replace(screen.Choices[i].ExplainHtml!, ""))),
                                    $"the trap {screen.Id}/{i} of {practice.Id} ({address}) explains what would have happened");
                            traps++;
                        }
                    }
                }
            }
        }

        simulations.Should().BeGreaterThanOrEqualTo(8, "the courses ship at least eight simulations");
        traps.Should().BeGreaterThanOrEqualTo(simulations, "every simulation has at least one trap");
    }

    /// <summary>Taps each choice of <paramref name="way"/> on its screen, waiting for the next screen without JavaScript.</summary>
    static async Task TapAsync(IPage page, string block, IEnumerable<(string Screen, int Choice)> way)
    {
        foreach (var (screen, choice) in way)
        {
            await page.Locator($"{block} [data-screen='{screen}'] button[data-i='{choice}']").ClickAsync();
        }
    }

    static string Words(string? text) => Spaces().Replace(text ?? "", " ").Trim();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
