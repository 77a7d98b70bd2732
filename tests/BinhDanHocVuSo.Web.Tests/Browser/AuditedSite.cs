using BinhDanHocVuSo.Content.Assessments;
using BinhDanHocVuSo.Content.Courses;
using BinhDanHocVuSo.Content.Quizzes;
using BinhDanHocVuSo.Web.Features.Accounts;
using BinhDanHocVuSo.Web.Features.Courses;
using BinhDanHocVuSo.Web.Features.Learning;
using BinhDanHocVuSo.Web.Features.Survey;
using BinhDanHocVuSo.Web.Tests.Features.Field;
using BinhDanHocVuSo.Web.Tests.Features.Survey;
using BinhDanHocVuSo.Web.Tests.Support;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace BinhDanHocVuSo.Web.Tests.Browser;

/// <summary>One page of the site as the audit met it: the HTML the server sent, and what axe-core and the geometry check found.</summary>
/// <param name="Name">The page type, also the name of its saved HTML file.</param>
public sealed record AuditedPage(string Name, string Url, string HtmlFile, IReadOnlyList<string> AxeViolations, IReadOnlyList<string> GeometryProblems);

/// <summary>
/// The shipped site on a 360×640 phone, walked once through one page of every type as each role meets it: a visitor, a
/// citizen, an official, a trainer and an admin. Each page's HTML as sent is saved under <c>TestResults/page-audit/</c>,
/// axe-core (WCAG 2.1 A and AA rules) and the geometry check (<c>PageGeometry.js</c>) run on it as drawn. The walk runs
/// once, for whichever spec asks first.
/// </summary>
public sealed class AuditedSite : PhoneBrowser
{
    static readonly AxeRunOptions Wcag21AA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    readonly Lock _once = new();
    Task<IReadOnlyList<AuditedPage>>? _walk;

    public static string Folder => Repository.Path("TestResults/page-audit");

    /// <summary>Every page type, walked on first use (once: a walk that failed fails every spec that asks, with its reason).</summary>
    public Task<IReadOnlyList<AuditedPage>> PagesAsync()
    {
        lock (_once)
        {
            return _walk ??= WalkAsync();
        }
    }

    SurveyDefinition Survey => Site.Services.GetRequiredService<SurveySource>().Current!;

    async Task<IReadOnlyList<AuditedPage>> WalkAsync()
    {
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
        Directory.CreateDirectory(Folder);
        var pages = new List<AuditedPage>();
        var lessons = Catalog.Courses.SelectMany(c => c.Lessons.Select(l => (Course: c, Lesson: l))).ToList();
        var checklistPractice = lessons.First(x => x.Lesson.Practices.Count > 0 && x.Lesson.Html.Contains("contains-task-list"));
        var drill = lessons.First(x => x.Lesson.Drills.Count > 0);
        var ordering = lessons.First(x => x.Lesson.Quiz?.Questions.Any(q => q.Kind == QuestionKind.Order) == true);
        var certified = Catalog.Courses[^1];

        // A visitor: what anyone meets before signing in.
        await using (var phone = await NewPhoneAsync(serviceWorkers: false))
        {
            var visit = await Visitor.OpenAsync(phone, pages);
            await visit.GoAsync("/", "home-visitor");
            await visit.GoAsync($"/c/{checklistPractice.Course.Slug}", "course");
            await visit.GoAsync(LessonPath(checklistPractice), "lesson-with-checklist-and-practice");
            await visit.GoAsync($"{LessonPath(checklistPractice)}/practice/{checklistPractice.Lesson.Practices[0].Id}", "practice-without-javascript");
            await visit.GoAsync(LessonPath(drill), "lesson-with-drill");
            await visit.GoAsync($"{LessonPath(drill)}/drill/{drill.Lesson.Drills[0].Id}", "drill-without-javascript");
            await visit.GoAsync(LessonPath(ordering), "lesson-with-order-question");
            await AnswerRightAsync(visit.Page, ordering.Lesson.Quiz!);
            await visit.Page.ClickAsync("form.quiz button[type=submit]");
            await visit.Page.WaitForSelectorAsync("[data-attempt]");
            await visit.AuditAsync("quiz-result");
            await visit.GoAsync("/thuat-ngu", "glossary");
            await visit.GoAsync($"/c/{ordering.Course.Slug}/poster", "course-poster");
            await visit.GoAsync($"{LessonPath(ordering)}/poster", "lesson-poster");
            await visit.GoAsync("/account/login", "login");
            await visit.GoAsync("/account/register", "register");
            await visit.Page.FillAsync("#phone", People.NewPhone());
            await visit.Page.FillAsync("#name", "Hoàng Thị Lan");
            await visit.Page.SelectOptionAsync("#commune", People.Commune);
            await visit.Page.FillAsync("#password", "lan-2026-otp");
            await visit.Page.FillAsync("#confirm", "lan-2026-khac");
            await visit.Page.ClickAsync("main form button[type=submit]");
            await visit.Page.WaitForSelectorAsync("[role=alert]");
            await visit.AuditAsync("register-with-errors");
            await visit.GoAsync("/offline", "offline");
            await visit.GoAsync("/loi/404", "error");
            await visit.GoAsync($"/xac-minh/{Guid.NewGuid()}", "verification-unknown");
        }

        // A citizen with an account: home, account pages, a certificate and its public check.
        var citizen = await Platform.CreateAsync();
        await CompleteAsync(citizen.Id, certified);
        await using (var phone = await NewPhoneAsync(serviceWorkers: false))
        {
            var visit = await Visitor.OpenAsync(phone, pages);
            await visit.SignInAsync(citizen);
            await visit.AuditAsync("home-citizen");
            await visit.GoAsync("/account/data", "account");
            await visit.GoAsync("/account/password", "password");
            await visit.GoAsync("/account/village", "my-village");
            await visit.GoAsync("/join", "join-without-code");
            await visit.GoAsync("/groups", "denied");
            await visit.GoAsync($"/c/{certified.Slug}/chung-nhan", "certificate-to-receive");
            await visit.Page.ClickAsync("main form button[type=submit]");
            await visit.Page.WaitForSelectorAsync(".certificate");
            await visit.AuditAsync("certificate");
            var check = System.Text.RegularExpressions.Regex.Match((await visit.Page.TextContentAsync(".certificate"))!, @"/xac-minh/[0-9a-f]{32}").Value;
            check.Should().NotBeEmpty("the certificate prints the address of its public check");
            await visit.GoAsync(check, "verification");
        }

        // An official: the survey's first pages, and the result of one who answered it all.
        await using (var phone = await NewPhoneAsync(serviceWorkers: false))
        {
            var visit = await Visitor.OpenAsync(phone, pages);
            await visit.SignInAsync(await Platform.CreateAsync(Roles.Official));
            await visit.AuditAsync("home-official");
            await visit.GoAsync("/survey", "survey-start");
            await visit.Page.CheckAsync($"input[name=role][value='{Survey.Roles[0].Id}']");
            await visit.Page.CheckAsync($"input[name=ageBand][value='{Survey.Background.First(q => q.Kind == BackgroundKind.Choice).Options[0].Id}']");
            await visit.Page.ClickAsync("main form button[type=submit]");
            await visit.Page.WaitForURLAsync("**/survey/page/1");
            await visit.AuditAsync("survey-page");
        }
        var respondent = await Platform.SubmittedRespondentAsync(role: Survey.Roles[0].Id, code: 1);
        await using (var phone = await NewPhoneAsync(serviceWorkers: false))
        {
            var visit = await Visitor.OpenAsync(phone, pages);
            await visit.SignInAsync(respondent);
            await visit.GoAsync("/survey/result", "survey-result");
        }

        // A trainer: groups, a group's dashboard and join page, import, reset, posters, the survey report.
        await using (var phone = await NewPhoneAsync(serviceWorkers: false))
        {
            var visit = await Visitor.OpenAsync(phone, pages);
            await visit.SignInAsync(await Platform.CreateAsync(Roles.Trainer));
            await visit.AuditAsync("home-trainer");
            await visit.GoAsync("/groups", "groups");
            await visit.Page.FillAsync("#name", "Tổ 1 thôn Nà Vài");
            await visit.Page.ClickAsync("main form button[type=submit]");
            await visit.Page.WaitForURLAsync("**/groups/*");
            await visit.AuditAsync("dashboard");
            var join = await visit.Page.Locator("main a[href^='/join/']").First.GetAttributeAsync("href")
                ?? throw new InvalidOperationException("the dashboard shows the group's join link");
            await visit.GoAsync(join, "join");
            await visit.GoAsync("/trainer/import", "import");
            await visit.GoAsync("/trainer/reset", "reset");
            await visit.GoAsync("/posters", "posters");
            await visit.GoAsync("/survey/report", "survey-report");
        }

        // An admin: home, the admin pages and the field pages (villages, teams, progress, the monthly report).
        await using (var phone = await NewPhoneAsync(serviceWorkers: false))
        {
            var visit = await Visitor.OpenAsync(phone, pages);
            await visit.SignInAsync(await Platform.CreateAsync(Roles.Admin));
            await visit.AuditAsync("home-admin");
            await visit.GoAsync("/admin/overview", "admin-overview");
            await visit.GoAsync("/admin/users", "admin-users");
            await visit.GoAsync("/admin/villages", "admin-villages");
            await visit.GoAsync("/teams", "teams");
            await visit.GoAsync("/posters/placed", "posters-placed");
            await visit.Page.SelectOptionAsync("#commune", People.Commune);
            await visit.Page.FillAsync("#place", "Nhà văn hoá thôn Nà Lần, xóm trên giáp suối (bảng tin cạnh cửa ra vào)");
            await visit.Page.ClickAsync("main form button[type=submit]");
            await visit.Page.WaitForURLAsync("**/posters/placed/*");
            await visit.AuditAsync("poster-placed");
            await visit.GoAsync("/q/ZZZZ2345", "poster-unknown");
            await visit.GoAsync("/progress", "progress-province");
            await visit.GoAsync($"/progress?commune={Uri.EscapeDataString(People.Commune)}", "progress-commune");
            await visit.GoAsync("/progress/report", "monthly-report");
        }

        // A team member (issue 21): the visit form and log, and their team's progress with its visits section; the
        // commune's progress with its visits section as an administrator reads it.
        var village = $"{People.Commune}/thon-na-lan-kiem-tra";
        await Platform.VillagesAsync((village, "Thôn Nà Lần (dữ liệu mẫu)", 400));
        var member = await Platform.CreateAsync(Roles.Trainer);
        var team = await Platform.TeamAsync(People.Commune, "Tổ công nghệ số cộng đồng thôn Nà Lần", [village], member.Id);
        await using (var phone = await NewPhoneAsync(serviceWorkers: false))
        {
            var visit = await Visitor.OpenAsync(phone, pages);
            await visit.SignInAsync(member);
            await visit.GoAsync("/visits/new", "visit-form");
            await visit.GoAsync("/visits", "visit-log");
            await visit.GoAsync($"/progress?team={team}", "progress-team-visits");
            // Then "Hướng dẫn tại nhà": the form, the consent the citizen reads, the person, guiding a lesson, the list.
            await visit.GoAsync("/assist/new", "assist-new");
            await visit.Page.CheckAsync("input[name=Kind][value=household]");
            await visit.Page.FillAsync("#household", People.NewPhone());
            await visit.Page.FillAsync("#name", "Nông Văn Lả");
            await visit.Page.FillAsync("#year", "1958");
            await visit.Page.SelectOptionAsync("#place", $"{team}|{village}");
            await visit.Page.ClickAsync("main form button[type=submit]");
            await visit.Page.WaitForSelectorAsync("form.consent");
            await visit.AuditAsync("assist-consent");
            await visit.Page.CheckAsync("form.consent input[name=Consent]");
            await visit.Page.ClickAsync("form.consent button:not(.secondary)");
            await visit.Page.WaitForURLAsync("**/assist/*-*");
            await visit.AuditAsync("assist-person");
            await visit.Page.ClickAsync("main form button[type=submit]");
            await visit.Page.WaitForSelectorAsync(".guiding");
            await visit.AuditAsync("home-guiding");
            await visit.GoAsync(LessonPath(ordering), "lesson-guiding");
            await visit.GoAsync("/assist", "assist");
        }
        await using (var phone = await NewPhoneAsync(serviceWorkers: false))
        {
            var visit = await Visitor.OpenAsync(phone, pages);
            await visit.SignInAsync(await Platform.CreateAsync(Roles.Admin));
            await visit.GoAsync($"/progress?commune={Uri.EscapeDataString(People.Commune)}", "progress-commune-visits");
        }
        return pages;
    }

    static string LessonPath((Course Course, Lesson Lesson) at) => $"/c/{at.Course.Slug}/{at.Lesson.Slug}";

    /// <summary>Completes every lesson and the final quiz of <paramref name="course"/> through the learner's grain.</summary>
    async Task CompleteAsync(Guid learnerId, Course course)
    {
        var learner = Site.Services.GetRequiredService<IGrainFactory>().GetGrain<ILearnerGrain>(learnerId);
        foreach (var lesson in course.Lessons)
        {
            await learner.CompleteLesson(course.Slug, lesson.Slug);
        }
        if (course.FinalQuiz is { } final)
        {
            var draws = await Site.Services.GetRequiredService<QuizDrawKey>().GetAsync();
            var drawId = Guid.NewGuid();
            await learner.SubmitQuiz(new(Guid.NewGuid(), course.Slug, final.Id, Answers.AllRight(draws.For(course.Slug, final, drawId)), drawId));
        }
    }

    /// <summary>One phone's tab during the walk; it keeps the last document the server sent, to save it as it came.</summary>
    sealed class Visitor
    {
        readonly List<AuditedPage> _pages;
        IResponse? _document;

        Visitor(IPage page, List<AuditedPage> pages)
        {
            Page = page;
            _pages = pages;
            page.Response += (_, response) =>
            {
                if (response.Request.IsNavigationRequest && response.Frame == page.MainFrame && response.Status is < 300 or >= 400)
                {
                    _document = response;
                }
            };
        }

        public IPage Page { get; }

        public static async Task<Visitor> OpenAsync(IBrowserContext phone, List<AuditedPage> pages) => new(await phone.NewPageAsync(), pages);

        public async Task SignInAsync(People.Person person)
        {
            await Page.GotoAsync("/account/login");
            await Page.FillAsync("#phone", person.Phone);
            await Page.FillAsync("#password", person.Password);
            await Page.ClickAsync("main form button[type=submit]");
            await Page.WaitForURLAsync(url => !url.Contains("/account/login"));
        }

        public async Task GoAsync(string path, string name)
        {
            await Page.GotoAsync(path);
            await AuditAsync(name);
        }

        /// <summary>Saves the page's HTML as sent and runs axe-core and the geometry check on it as drawn.</summary>
        public async Task AuditAsync(string name)
        {
            await Page.WaitForLoadStateAsync(LoadState.Load);
            var file = Path.Combine(Folder, name + ".html");
            await File.WriteAllTextAsync(file, await (_document ?? throw new InvalidOperationException($"no document for {name}")).TextAsync());
            var axe = await Page.RunAxe(Wcag21AA);
            var violations = axe.Violations.SelectMany(v => v.Nodes.Select(node =>
                $"{v.Id} ({v.Impact}): {v.Help} — {node.Target} {node.Html}")).ToList();
            var geometry = await Page.EvaluateAsync<string[]>(await File.ReadAllTextAsync(Repository.Path("tests/BinhDanHocVuSo.Web.Tests/Browser/PageGeometry.js")));
            _pages.Add(new AuditedPage(name, Page.Url, file, violations, geometry));
        }
    }
}
