using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using BinhDanHocVuSo.Web.Data;
using BinhDanHocVuSo.Web.Features.Accounts;
using BinhDanHocVuSo.Web.Features.Courses;
using BinhDanHocVuSo.Web.Features.Field;
using BinhDanHocVuSo.Web.Features.Learning;
using BinhDanHocVuSo.Web.Tests.Features.Accounts;
using BinhDanHocVuSo.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BinhDanHocVuSo.Web.Tests.Features.Field;

/// <summary>
/// "Hướng dẫn tại nhà": a team member registers a citizen (with the citizen's consent), guides them on the member's own
/// phone so that lessons and quizzes are credited to the citizen and marked as learnt with the member, and the citizen who
/// later signs up with their own number finds that progress there.
/// </summary>
public sealed partial class AssistSpec(SqlitePlatform shared) : PlatformSpec(shared), IClassFixture<SqlitePlatform>
{
    const string A = People.Commune, B = People.OtherCommune;
    const string NaLan = A + "/thon-na-lan", PacBo = A + "/thon-pac-bo", BanGioc = B + "/thon-ban-gioc";
    const string Course = "khoa-mau", QuizLesson = "bai-mot", PlainLesson = "bai-hai";

    Guid _team;
    People.Person _member = null!;
    HttpClient _browser = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Platform.VillagesAsync((NaLan, "Thôn Nà Lần", 400), (PacBo, "Thôn Pác Bó", 300), (BanGioc, "Thôn Bản Giốc", 350));
        _member = await Platform.CreateAsync(Roles.Trainer, A);
        _team = await Platform.TeamAsync(A, "Tổ số 1", [NaLan, PacBo], _member.Id);
        _browser = await Platform.SignedInAs(_member);
    }

    Dictionary<string, string> OwnPhone(string phone) => new()
    {
        ["Kind"] = AssistedKinds.Phone, ["Phone"] = phone, ["FullName"] = "Hoàng Thị Mai", ["BirthYear"] = "1962", ["Place"] = $"{_team}|{NaLan}",
    };

    Dictionary<string, string> Household(string phone) => new()
    {
        ["Kind"] = AssistedKinds.Household, ["HouseholdPhone"] = phone, ["FullName"] = "Nông Văn Lả", ["BirthYear"] = "1958", ["Place"] = $"{_team}|{PacBo}",
    };

    Dictionary<string, string> NoPhone() => new()
    {
        ["Kind"] = AssistedKinds.NoPhone, ["FullName"] = "Lục Văn Páo", ["BirthYear"] = "1949", ["Place"] = $"{_team}|{NaLan}",
    };

    /// <summary>The person id the form chose when it was shown.</summary>
    static async Task<string> NewPersonIdAsync(HttpClient browser) =>
        PersonId().Match(await browser.GetStringAsync("/assist/new")).Groups[1].Value;

    /// <summary>Fills in the form, goes on to the consent screen, and (ticked or not) presses "Đăng ký".</summary>
    static async Task<HttpResponseMessage> RegisterAsync(HttpClient browser, Dictionary<string, string> fields, bool consent = true, string? personId = null)
    {
        fields["PersonId"] = personId ?? await NewPersonIdAsync(browser);
        var consentScreen = await browser.SubmitFormAsync("/assist/new?handler=consent", new(fields), "/assist/new");
        consentScreen.StatusCode.Should().Be(HttpStatusCode.OK);
        (await consentScreen.Content.ReadAsStringAsync()).Should().Contain("Người dân đã đọc và đồng ý");
        if (consent)
        {
            fields["Consent"] = "true";
        }
        return await browser.SubmitFormAsync("/assist/new", fields, "/assist/new");
    }

    static async Task<Guid> RegisteredAsync(HttpClient browser, Dictionary<string, string> fields)
    {
        var response = await RegisterAsync(browser, fields);
        response.StatusCode.Should().Be(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return Guid.Parse(response.Headers.Location!.ToString().Split('/')[^1]);
    }

    static Task<HttpResponseMessage> StartGuidingAsync(HttpClient browser, Guid person) =>
        browser.SubmitFormAsync("/assist?handler=start", new() { ["person"] = person.ToString() }, "/account/data");

    static Task<HttpResponseMessage> EndGuidingAsync(HttpClient browser) =>
        browser.SubmitFormAsync("/assist?handler=end", [], "/account/data");

    QuizSubmission RightAnswers(Guid attempt)
    {
        var quiz = Platform.Services.GetRequiredService<ICourseCatalogSource>().Current.Find(Course)!.Lessons[0].Quiz!;
        return new QuizSubmission(attempt, Course, quiz.Id, Answers.AllRight(quiz));
    }

    Task<HttpResponseMessage> SubmitQuizAsync(HttpClient browser, Guid attempt) =>
        browser.PostAsJsonAsync($"/api/courses/{Course}/quizzes/{QuizLesson}/attempts",
            new { attemptId = attempt, answers = RightAnswers(attempt).Answers });

    Task<int> AttemptsOf(Guid learner) => CountAsync(db => db.QuizAttempts.Where(a => a.LearnerId == learner));

    Task<List<AssistedMarkRow>> MarksAsync() => InScope(s => s.GetRequiredService<AppDbContext>().AssistedMarks().AsNoTracking().ToListAsync());

    [Fact]
    public async Task A_member_registers_a_person_by_their_own_number_a_household_number_or_name_and_year_of_birth()
    {
        var own = await RegisteredAsync(_browser, OwnPhone("0912 345 678"));
        var household = await RegisteredAsync(_browser, Household("0987654321"));
        var noPhone = await RegisteredAsync(_browser, NoPhone());

        var list = await _browser.GetStringAsync("/assist");
        list.Should().Contain("Hoàng Thị Mai").And.Contain("số của mình: 0912 345 678")
            .And.Contain("Nông Văn Lả").And.Contain("số của người nhà: 0987 654 321")
            .And.Contain("Lục Văn Páo").And.Contain("không có điện thoại, sinh năm 1949")
            .And.Contain("Thôn Pác Bó");
        var people = await InScope(s => s.GetRequiredService<AppDbContext>().AssistedPeople().AsNoTracking().ToListAsync());
        people.Select(p => (p.UserId, p.Kind, p.TeamId)).Should().BeEquivalentTo(
            [(own, AssistedKinds.Phone, _team), (household, AssistedKinds.Household, _team), (noPhone, AssistedKinds.NoPhone, _team)]);
        (await _browser.GetStringAsync("/assist?q=0987")).Should().Contain("Nông Văn Lả").And.NotContain("Hoàng Thị Mai");
        (await _browser.GetStringAsync("/assist?q=páo")).Should().Contain("Lục Văn Páo").And.NotContain("Nông Văn Lả");
    }

    [Fact]
    public async Task Pressing_register_twice_registers_the_person_once()
    {
        var personId = await NewPersonIdAsync(_browser);
        var fields = NoPhone();
        fields["PersonId"] = personId;
        fields["Consent"] = "true";

        var first = await _browser.SubmitFormAsync("/assist/new", new(fields), "/assist/new");
        var second = await _browser.SubmitFormAsync("/assist/new", new(fields), "/assist/new");
        var consentAgain = await _browser.SubmitFormAsync("/assist/new?handler=consent", new(fields), "/assist/new");

        first.Headers.Location.Should().Be(second.Headers.Location);
        consentAgain.Headers.Location.Should().Be(first.Headers.Location, "the form sent again finds the person registered");
        first.Headers.Location!.ToString().Should().Be($"/assist/{personId}");
        (await CountAsync(db => db.AssistedPeople())).Should().Be(1);
        (await CountAsync(db => db.Users.Where(u => u.FullName == "Lục Văn Páo"))).Should().Be(1);
    }

    [Fact]
    public async Task Without_the_citizen_s_consent_nobody_is_registered_and_the_member_is_told_why()
    {
        var response = await RegisterAsync(_browser, NoPhone(), consent: false);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var page = await response.Content.ReadAsStringAsync();
        page.Should().Contain("role=\"alert\"").And.Contain("Người dân đã đọc và đồng ý", "the consent screen is shown again");
        (await CountAsync(db => db.AssistedPeople())).Should().Be(0);
        (await CountAsync(db => db.Users.Where(u => u.FullName == "Lục Văn Páo"))).Should().Be(0);
    }

    [Fact]
    public async Task A_member_of_another_team_neither_sees_nor_guides_the_person()
    {
        var person = await RegisteredAsync(_browser, NoPhone());
        var other = await Platform.CreateAsync(Roles.Trainer, A);
        await Platform.TeamAsync(A, "Tổ số 2", [PacBo], other.Id);
        var otherBrowser = await Platform.SignedInAs(other);

        var page = await otherBrowser.GetAsync($"/assist/{person}");
        var start = await StartGuidingAsync(otherBrowser, person);
        var list = await otherBrowser.GetStringAsync("/assist");

        page.StatusCode.Should().Be(HttpStatusCode.NotFound);
        start.StatusCode.Should().Be(HttpStatusCode.NotFound);
        list.Should().NotContain("Lục Văn Páo");
        (await otherBrowser.GetStringAsync("/")).Should().NotContain("Đang hướng dẫn");
    }

    [Fact]
    public async Task A_quiz_answered_while_guiding_is_the_citizen_s_and_is_marked_once_with_the_member_even_when_sent_again()
    {
        var person = await RegisteredAsync(_browser, NoPhone());
        (await StartGuidingAsync(_browser, person)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var attempt = Guid.NewGuid();

        var first = await SubmitQuizAsync(_browser, attempt);
        var again = await SubmitQuizAsync(_browser, attempt);

        first.StatusCode.Should().Be(HttpStatusCode.OK);
        again.StatusCode.Should().Be(HttpStatusCode.OK);
        (await AttemptsOf(person)).Should().Be(1);
        (await AttemptsOf(_member.Id)).Should().Be(0, "the member only guided");
        var mark = (await MarksAsync()).Should().ContainSingle().Subject;
        (mark.LearnerId, mark.MemberId, mark.TeamId, mark.Kind, mark.CourseSlug, mark.ItemSlug)
            .Should().Be((person, _member.Id, _team, AssistedMarks.Quiz, Course, QuizLesson));
        var personPage = await _browser.GetStringAsync($"/assist/{person}");
        personPage.Should().Contain("Làm bài kiểm tra").And.Contain($"cùng Người thử {_member.Phone[^4..]}");
    }

    [Fact]
    public async Task Every_page_says_who_is_being_guided_and_ending_gives_the_member_their_own_learning_back()
    {
        var person = await RegisteredAsync(_browser, NoPhone());
        var learner = await Platform.SignedInAs(await Platform.CreateAsync());
        await StartGuidingAsync(_browser, person);

        var home = await _browser.GetStringAsync("/");
        var lessonFirst = await _browser.GetStringAsync($"/c/{Course}/{QuizLesson}");
        var lessonKept = await _browser.GetStringAsync($"/c/{Course}/{QuizLesson}");
        var menu = await _browser.GetStringAsync("/menu");
        var lessonForAnother = await learner.GetStringAsync($"/c/{Course}/{QuizLesson}");
        await _browser.MarkLessonDoneAsync(Course, PlainLesson);
        var ended = await EndGuidingAsync(_browser);
        var afterwards = await _browser.GetStringAsync($"/c/{Course}/{QuizLesson}");
        await SubmitQuizAsync(_browser, Guid.NewGuid());

        foreach (var page in new[] { home, lessonFirst, lessonKept, menu })
        {
            page.Should().Contain("Đang hướng dẫn:").And.Contain("Lục Văn Páo").And.Contain("Kết thúc");
        }
        lessonForAnother.Should().NotContain("Đang hướng dẫn").And.NotContain("Lục Văn Páo", "the kept lesson page never holds the banner");
        ended.StatusCode.Should().Be(HttpStatusCode.Redirect);
        afterwards.Should().NotContain("Đang hướng dẫn");
        (await AttemptsOf(_member.Id)).Should().Be(1, "after the end the member's answers are their own");
        (await AttemptsOf(person)).Should().Be(0);
        (await MarksAsync()).Select(m => (m.Kind, m.ItemSlug)).Should().Equal((AssistedMarks.Lesson, PlainLesson));
        var progress = await Platform.Grains.GetGrain<ILearnerGrain>(person).GetCourseProgress(Course);
        progress.CompletedLessons.Should().Equal(PlainLesson);
    }

    [Fact]
    public async Task A_copied_or_forged_guiding_cookie_gives_another_signed_in_person_nothing()
    {
        var person = await RegisteredAsync(_browser, NoPhone());
        var started = await StartGuidingAsync(_browser, person);
        var cookie = started.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(Guiding.Cookie + "=", StringComparison.Ordinal)).Split(';')[0];
        var citizen = await Platform.CreateAsync();
        var copied = await Platform.SignedInAs(citizen);
        copied.DefaultRequestHeaders.Add("Cookie", cookie);
        var forged = await Platform.SignedInAs(await Platform.CreateAsync(Roles.Trainer, A));
        forged.DefaultRequestHeaders.Add("Cookie", $"{Guiding.Cookie}={person:N}.{_member.Id:N}.{DateTime.MaxValue.Ticks}");

        var copiedHome = await copied.GetStringAsync("/");
        var forgedHome = await forged.GetStringAsync("/");
        await SubmitQuizAsync(copied, Guid.NewGuid());
        var start = await StartGuidingAsync(copied, person);

        copiedHome.Should().NotContain("Đang hướng dẫn");
        forgedHome.Should().NotContain("Đang hướng dẫn");
        (await AttemptsOf(citizen.Id)).Should().Be(1, "the citizen's answer is their own");
        (await AttemptsOf(person)).Should().Be(0);
        (await MarksAsync()).Should().BeEmpty();
        start.Headers.Location?.AbsolutePath().Should().Be("/account/denied");
    }

    [Fact]
    public async Task Signing_up_with_the_number_the_team_registered_finds_the_lessons_done_with_the_team()
    {
        var person = await RegisteredAsync(_browser, OwnPhone("0912345688"));
        await StartGuidingAsync(_browser, person);
        await _browser.MarkLessonDoneAsync(Course, PlainLesson);
        await EndGuidingAsync(_browser);

        var citizen = Platform.Browser();
        var signedUp = await citizen.SubmitFormAsync("/account/register", new()
        {
            ["Phone"] = "0912 345 688", ["FullName"] = "Hoàng Thị Mai", ["Commune"] = A, ["Password"] = "mai-hoc-2026", ["ConfirmPassword"] = "mai-hoc-2026",
        });
        var account = await citizen.GetStringAsync("/account/data");

        signedUp.StatusCode.Should().Be(HttpStatusCode.OK);
        (await signedUp.Content.ReadAsStringAsync()).Should().Contain("Tổ công nghệ số đã đăng ký số này cho bạn; tiến độ học của bạn được giữ lại");
        account.Should().Contain("0912 345 688").And.Contain("Học xong bài").And.Contain($"Học cùng Tổ công nghệ số: Người thử {_member.Phone[^4..]}");
        (await CountAsync(db => db.Users.Where(u => u.UserName == "0912345688"))).Should().Be(1);
        (await InScope(s => s.GetRequiredService<AppDbContext>().AssistedPeople().SingleAsync(p => p.UserId == person))).AdoptedAt.Should().NotBeNull();
        var signedIn = Platform.Browser();
        (await signedIn.SubmitFormAsync("/account/login", new() { ["Phone"] = "0912345688", ["Password"] = "mai-hoc-2026" }))
            .StatusCode.Should().Be(HttpStatusCode.Redirect, "the person signs in with the password they chose");
    }

    [Fact]
    public async Task Signing_up_with_a_household_number_makes_an_account_of_one_s_own()
    {
        var person = await RegisteredAsync(_browser, Household("0987654399"));
        await StartGuidingAsync(_browser, person);
        await _browser.MarkLessonDoneAsync(Course, PlainLesson);
        await EndGuidingAsync(_browser);

        var relative = Platform.Browser();
        var signedUp = await relative.SubmitFormAsync("/account/register", new()
        {
            ["Phone"] = "0987654399", ["FullName"] = "Nông Thị Hoa", ["Commune"] = A, ["Password"] = "hoa-hoc-2026", ["ConfirmPassword"] = "hoa-hoc-2026",
        });
        var account = await relative.GetStringAsync("/account/data");

        signedUp.StatusCode.Should().Be(HttpStatusCode.Redirect);
        account.Should().Contain("Nông Thị Hoa").And.NotContain("Học xong bài").And.NotContain("Học cùng Tổ công nghệ số");
        (await InScope(s => s.GetRequiredService<AppDbContext>().AssistedPeople().SingleAsync(p => p.UserId == person))).AdoptedAt.Should().BeNull();
        (await Platform.Grains.GetGrain<ILearnerGrain>(person).GetCourseProgress(Course)).CompletedLessons.Should().Equal(PlainLesson);
    }

    [Fact]
    public async Task Guiding_ends_after_four_hours_and_when_the_member_leaves_the_team()
    {
        var person = await RegisteredAsync(_browser, NoPhone());
        var other = await RegisteredAsync(_browser, Household("0987654377"));
        await StartGuidingAsync(_browser, person);
        var during = await _browser.GetStringAsync("/");

        Platform.Clock.Advance(Guiding.Lifetime + TimeSpan.FromMinutes(1));
        var fourHoursLater = await _browser.GetStringAsync("/");
        await StartGuidingAsync(_browser, other);
        await InScope(s => s.GetRequiredService<AppDbContext>().TeamMembers().Where(m => m.TrainerId == _member.Id).ExecuteDeleteAsync());
        // The membership is checked again at most 30 seconds later: the kept answer is dropped here instead of waiting.
        ((Microsoft.Extensions.Caching.Memory.MemoryCache)Platform.Services.GetRequiredService<Microsoft.Extensions.Caching.Memory.IMemoryCache>()).Clear();
        var afterLeaving = await _browser.GetStringAsync("/");
        await SubmitQuizAsync(_browser, Guid.NewGuid());

        during.Should().Contain("Đang hướng dẫn:");
        fourHoursLater.Should().NotContain("Đang hướng dẫn:");
        afterLeaving.Should().NotContain("Đang hướng dẫn:");
        (await AttemptsOf(other)).Should().Be(0);
        (await AttemptsOf(_member.Id)).Should().Be(1);
    }

    [Fact]
    public async Task A_citizen_who_took_the_account_over_and_deletes_it_leaves_no_registration_behind()
    {
        var person = await RegisteredAsync(_browser, OwnPhone("0912345699"));
        await StartGuidingAsync(_browser, person);
        await _browser.MarkLessonDoneAsync(Course, PlainLesson);
        await EndGuidingAsync(_browser);
        var citizen = Platform.Browser();
        await citizen.SubmitFormAsync("/account/register", new()
        {
            ["Phone"] = "0912345699", ["FullName"] = "Hoàng Thị Mai", ["Commune"] = A, ["Password"] = "mai-hoc-2026", ["ConfirmPassword"] = "mai-hoc-2026",
        });

        var deleted = await citizen.SubmitFormAsync("/account/data?handler=Delete", new() { ["Password"] = "mai-hoc-2026" }, "/account/data");

        deleted.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await CountAsync(db => db.AssistedPeople())).Should().Be(0, "the name, number and year of birth the team wrote go with the account");
        var mark = (await MarksAsync()).Should().ContainSingle("the team's figures keep the result").Subject;
        mark.LearnerId.Should().NotBe(person);
        mark.MemberId.Should().Be(_member.Id);
    }

    [GeneratedRegex("name=\"PersonId\" value=\"([0-9a-f-]{36})\"")]
    private static partial Regex PersonId();
}
