using System.Net;
using System.Text.RegularExpressions;
using BinhDanHocVuSo.Web.Data;
using BinhDanHocVuSo.Web.Features.Accounts;
using BinhDanHocVuSo.Web.Features.Courses;
using BinhDanHocVuSo.Web.Features.Learning;
using BinhDanHocVuSo.Web.Hosting;
using BinhDanHocVuSo.Web.Tests.Features.Survey;
using BinhDanHocVuSo.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BinhDanHocVuSo.Web.Tests.Features.Accounts;

/// <summary>
/// Deleting one's account at <c>/account/data</c>: nothing kept stays linked to the person. Their learning history
/// moves to a fresh random id (totals stay right), they leave their groups, their survey responses go, and their
/// certificates' public check says "withdrawn" without a name.
/// </summary>
public abstract class AccountDeletionSpec(SharedPlatform shared) : PlatformSpec(shared)
{
    async Task<T> InDatabase<T>(Func<AppDbContext, Task<T>> query)
    {
        await using var db = await Platform.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await query(db);
    }

    async Task Add(params object[] rows) => await InDatabase(async db =>
    {
        db.AddRange(rows);
        return await db.SaveChangesAsync();
    });

    static async Task DeleteAccount(HttpClient browser, People.Person person)
    {
        var deleted = await browser.SubmitFormAsync("/account/data?handler=Delete", new() { ["Password"] = person.Password }, "/account/data");
        deleted.StatusCode.Should().Be(HttpStatusCode.Redirect);
    }

    /// <summary>How many rows of each table that holds a learner's history carry <paramref name="id"/>.</summary>
    Task<int[]> RowsOf(Guid id) => InDatabase(async db => new[]
    {
        await db.Learners.CountAsync(r => r.Id == id),
        await db.CourseEnrolments.CountAsync(r => r.LearnerId == id),
        await db.LessonCompletions.CountAsync(r => r.LearnerId == id),
        await db.QuizAttempts.CountAsync(r => r.LearnerId == id),
        await db.QuizAnswers.CountAsync(r => r.LearnerId == id),
        await db.LearnerDays.CountAsync(r => r.LearnerId == id),
        await db.Certificates.CountAsync(r => r.LearnerId == id),
    });

    GroupRow NewGroup(Guid createdBy) => new()
    {
        Id = Guid.NewGuid(), Name = "Tổ học số thôn Nà Rụa", Commune = People.Commune, JoinCode = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant(),
        CreatedBy = createdBy, CreatedAt = DateTime.UtcNow,
    };

    [Fact]
    public async Task A_deleted_account_s_certificate_is_withdrawn_without_a_name()
    {
        var (person, browser, certificate) = await Platform.LearnerWithCertificateAsync();
        var verifyUrl = Regex.Match(certificate.Replace("<wbr>", ""), @"http://localhost/xac-minh/[0-9a-f]{32}").Value; // the address may break after / . - (<wbr>)
        (await Platform.Browser().GetStringAsync(verifyUrl)).Should().Contain($"Người thử {person.Phone[^4..]}");

        await DeleteAccount(browser, person);
        var check = await Platform.Browser().GetAsync(verifyUrl);
        var html = await check.Content.ReadAsStringAsync();

        check.StatusCode.Should().Be(HttpStatusCode.Gone);
        html.Should().Contain("Chứng nhận này đã bị thu hồi").And.NotContain($"Người thử {person.Phone[^4..]}").And.NotContain("Giấy chứng nhận hợp lệ");
        (await InDatabase(db => db.Certificates.SingleAsync())).FullName.Should().BeEmpty("the name is erased, not only hidden");
    }

    [Fact]
    public async Task Deleting_an_account_rekeys_learning_rows_to_a_random_id()
    {
        var (person, browser, _) = await Platform.LearnerWithCertificateAsync();
        var otherSession = await Platform.SignedInAs(person);
        var before = await RowsOf(person.Id);
        before.Should().OnlyContain(count => count > 0);

        await DeleteAccount(browser, person);
        var anonymousId = await InDatabase(db => db.Learners.Select(l => l.Id).SingleAsync());
        var progress = await Platform.Grains.GetGrain<ILearnerGrain>(person.Id).GetCourseProgress("khoa-mau");

        anonymousId.Should().NotBe(person.Id);
        (await RowsOf(person.Id)).Should().OnlyContain(count => count == 0, "nothing stays under the person's id");
        (await RowsOf(anonymousId)).Should().Equal(before, "every row moved, in one piece, to the random id");
        progress.Started.Should().BeFalse("the learner grain let go of the history it held in memory");
        (await otherSession.GetAsync("/account/data")).StatusCode.Should().Be(HttpStatusCode.Redirect, "the account's other sessions end");
        Platform.Clock.Advance(TimeSpan.FromMinutes(31));
        var certificateOfOtherSession = await otherSession.GetAsync("/c/khoa-mau/chung-nhan");
        certificateOfOtherSession.StatusCode.Should().Be(HttpStatusCode.Redirect, "the cookie of a deleted account is refused once its security stamp is checked");
        certificateOfOtherSession.Headers.Location!.ToString().Should().Contain("/account/login");
        (await InDatabase(db => db.AuditEntries.Where(a => a.Action == AuditLog.AccountDeleted).Select(a => a.TargetUserId).SingleAsync()))
            .Should().Be(person.Id, "the audit trail keeps the deleted account's id only, which no learning row carries any more");
    }

    [Fact]
    public async Task Deleting_an_account_removes_the_person_from_groups()
    {
        var trainer = await Platform.CreateAsync(Roles.Trainer);
        var coTrainer = await Platform.CreateAsync(Roles.Trainer);
        var member = await Platform.CreateAsync();
        var invited = await Platform.CreateAsync();
        var group = NewGroup(trainer.Id);
        await Add(group,
            new GroupTrainerRow { GroupId = group.Id, TrainerId = trainer.Id }, new GroupTrainerRow { GroupId = group.Id, TrainerId = coTrainer.Id },
            new GroupMemberRow { GroupId = group.Id, LearnerId = member.Id, JoinedAt = DateTime.UtcNow },
            new GroupMemberRow { GroupId = group.Id, LearnerId = coTrainer.Id, JoinedAt = DateTime.UtcNow },
            new GroupInvitationRow { GroupId = group.Id, LearnerId = invited.Id, InvitedAt = DateTime.UtcNow, InvitedBy = trainer.Id },
            new TrainerCommuneRow { TrainerId = coTrainer.Id, Commune = People.OtherCommune, AssignedAt = DateTime.UtcNow });

        await DeleteAccount(await Platform.SignedInAs(member), member);
        await DeleteAccount(await Platform.SignedInAs(coTrainer), coTrainer);
        await DeleteAccount(await Platform.SignedInAs(invited), invited);
        var page = await (await Platform.SignedInAs(trainer)).GetStringAsync($"/groups/{group.Id}");

        (await InDatabase(db => db.GroupMembers.CountAsync(m => m.GroupId == group.Id))).Should().Be(0);
        (await InDatabase(db => db.GroupTrainers.Select(t => t.TrainerId).ToListAsync())).Should().Equal(trainer.Id);
        page.Should().Contain("0 thành viên").And.NotContain("(tài khoản đã xoá)");
        (await InDatabase(db => db.GroupInvitations.CountAsync())).Should().Be(0);
        (await InDatabase(db => db.TrainerCommunes.CountAsync())).Should().Be(0);
    }

    [Fact]
    public async Task Group_statistics_stay_right_after_a_member_deletes_their_account()
    {
        var trainer = await Platform.CreateAsync(Roles.Trainer);
        var leaving = await Platform.CreateAsync();
        var staying = await Platform.CreateAsync();
        await Platform.CompleteSampleCourseAsync(leaving.Id);
        await Platform.Grains.GetGrain<ILearnerGrain>(staying.Id).CompleteLesson("khoa-mau", "bai-hai");
        var group = NewGroup(trainer.Id);
        await Add(group, new GroupTrainerRow { GroupId = group.Id, TrainerId = trainer.Id },
            new GroupMemberRow { GroupId = group.Id, LearnerId = leaving.Id, JoinedAt = DateTime.UtcNow },
            new GroupMemberRow { GroupId = group.Id, LearnerId = staying.Id, JoinedAt = DateTime.UtcNow },
            new AssignmentRow { GroupId = group.Id, CourseSlug = "khoa-mau", AssignedAt = DateTime.UtcNow, AssignedBy = trainer.Id });
        var trainerBrowser = await Platform.SignedInAs(trainer);
        var before = await trainerBrowser.GetStringAsync($"/groups/{group.Id}");

        await DeleteAccount(await Platform.SignedInAs(leaving), leaving);
        var after = await trainerBrowser.GetStringAsync($"/groups/{group.Id}");

        before.Should().Contain("2 thành viên");
        Figures(before).Should().MatchRegex("^Tỉ lệ hoàn thành: 50\\s?% · Điểm cao nhất trung bình: 100%$");
        after.Should().Contain("1 thành viên").And.NotContain($"Người thử {leaving.Phone[^4..]}").And.Contain($"Người thử {staying.Phone[^4..]}");
        Figures(after).Should().MatchRegex("^Tỉ lệ hoàn thành: 0\\s?% · Chưa có bài kiểm tra nào$", "the figures are those of the members who stay, at once");
    }

    /// <summary>The group page's line of figures: completion rate and average best score.</summary>
    static string Figures(string page) =>
        System.Net.WebUtility.HtmlDecode(Regex.Match(page, "<p>(Tỉ lệ hoàn thành: [^<]*)</p>").Groups[1].Value).Replace('\u00a0', ' ');

    [Fact]
    public async Task A_deleted_official_s_survey_response_no_longer_carries_their_id()
    {
        var admin = await Platform.SignedInAs(await Platform.CreateAsync(Roles.Admin));
        var leaving = await Platform.SubmittedRespondentAsync();
        await Platform.SubmittedRespondentAsync();
        var before = await admin.GetStringAsync("/survey/report");

        await DeleteAccount(await Platform.SignedInAs(leaving), leaving);
        var after = await admin.GetStringAsync("/survey/report");

        (await InDatabase(db => db.SurveyResponses.CountAsync(r => r.RespondentId == leaving.Id))).Should().Be(0);
        (await InDatabase(db => db.SurveyResponses.CountAsync())).Should().Be(1);
        (await InDatabase(db => db.SurveyAnswers.Select(a => a.ResponseId).Distinct().CountAsync())).Should().Be(1);
        before.Should().Contain("Đã trả lời: 2 / 2");
        after.Should().Contain("Đã trả lời: 1 / 1", "the report, kept between requests, notices the response and the official gone");
    }
}

public sealed class AccountDeletionOnSqlite(SqlitePlatform shared) : AccountDeletionSpec(shared), IClassFixture<SqlitePlatform>;

public sealed class AccountDeletionOnPostgres(PostgresPlatform shared) : AccountDeletionSpec(shared), IClassFixture<PostgresPlatform>;
