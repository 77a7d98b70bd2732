namespace BinhDanHocVuSo.Web.Tests.Browser;

/// <summary>
/// Every page type, as a visitor, a citizen, an official, a trainer and an admin meet it on a 360×640 phone (one page of
/// each, walked once by <see cref="AuditedSite"/>): usable with a screen reader, valid HTML, and readable and tappable
/// without zooming.
/// </summary>
public sealed class EveryPageOnAPhoneSpec(AuditedSite site) : IClassFixture<AuditedSite>
{
    [Fact]
    public async Task Every_page_type_is_visited()
    {
        var pages = await site.PagesAsync();

        pages.Select(p => p.Name).Should().Contain([
            "lesson-with-checklist-and-practice", "lesson-with-drill", "quiz-result", "register", "register-with-errors", "login",
            "account", "home-visitor", "home-citizen", "home-official", "home-trainer", "home-admin", "groups", "dashboard", "import",
            "reset", "posters", "survey-start", "survey-page", "survey-result", "survey-report", "admin-overview", "admin-users",
            "certificate", "verification", "glossary", "assist", "assist-new", "assist-consent", "assist-person", "lesson-guiding",
            "posters-placed", "poster-placed", "poster-unknown", "progress-province", "progress-commune",
            "visit-form", "visit-log", "progress-team-visits", "progress-commune-visits",
        ]);
    }

    [Fact]
    public async Task Axe_core_finds_no_WCAG_2_1_AA_violation_on_any_page()
    {
        var pages = await site.PagesAsync();

        var violations = pages.SelectMany(p => p.AxeViolations.Select(v => $"{p.Name} ({p.Url}): {v}")).ToList();

        violations.Should().BeEmpty("a screen reader or a keyboard must get through every page; axe-core (WCAG 2.1 A and AA rules) found:\n"
            + string.Join("\n", violations));
    }

    [Fact]
    public async Task The_Nu_HTML_checker_finds_no_error_in_the_HTML_any_page_is_sent_with()
    {
        var pages = await site.PagesAsync();

        var errors = await NuHtmlChecker.CheckAsync([.. pages.Select(p => p.HtmlFile)]);

        errors.Should().BeEmpty($"invalid HTML is read differently by each browser and screen reader; the pages are saved in {AuditedSite.Folder}:\n"
            + string.Join("\n", errors));
    }

    [Fact]
    public async Task No_text_runs_past_the_screen_no_word_is_split_and_every_tap_target_fits_a_finger()
    {
        var pages = await site.PagesAsync();

        var problems = pages.SelectMany(p => p.GeometryProblems.Select(g => $"{p.Name} ({p.Url}): {g}")).ToList();

        problems.Should().BeEmpty("at 360 px a citizen reads every word whole without scrolling sideways, and taps every control "
            + "with a finger (44×44 px; 24×24 px for a checkbox or radio button whose label can be tapped):\n" + string.Join("\n", problems));
    }
}
