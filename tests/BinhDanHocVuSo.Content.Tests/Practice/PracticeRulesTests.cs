using BinhDanHocVuSo.Content.Competences;
using BinhDanHocVuSo.Content.Practice;
using BinhDanHocVuSo.Content.Tests.Courses;

namespace BinhDanHocVuSo.Content.Tests.Practice;

/// <summary>
/// TestData/PracticeCourse is a valid course with a simulation (01-tra-tien.md) and a scam drill (02-nhan-biet.md and
/// its bank). Each test breaks one rule of courses/README.md "Practice blocks" and expects exactly that mistake, at its
/// file and line, and the course left out of the catalogue.
/// </summary>
public class PracticeRulesTests
{
    private static readonly CompetenceModel _competences = CompetenceModel.Load(RepositoryPaths.Competences);
    private static readonly string _folder = Path.Combine(RepositoryPaths.TestData, "PracticeCourse");

    private const string Lesson = "01-tra-tien.md";
    private const string DrillLesson = "02-nhan-biet.md";
    private const string Bank = "tin-nhan.drill.yaml";

    [Fact]
    public void The_valid_course_loads_with_its_simulation_and_drill()
    {
        using var course = TempCourse.CopyOf(_folder);
        var catalog = course.Load(_competences);

        catalog.Errors.Should().BeEmpty();
        var loaded = catalog.Find("tap-duot")!;
        var practice = loaded.Lessons[0].Practices.Single();
        practice.Id.Should().Be("tra-tien-qr");
        practice.App.Should().Be("Ngân hàng Tập Dượt");
        practice.IntroHtml.Should().Contain("<strong>45.000 đồng</strong>");
        practice.Screens.Select(s => s.Id).Should().Equal("trang-chu", "lich-su", "quet-ma", "thanh-cong");
        practice.Screen("quet-ma")!.TextHtml.Should().Be("Kiểm tra tên người nhận.<br>\nSố tiền đã điền sẵn.");
        practice.Screen("trang-chu")!.Choices.Select(c => c.Kind).Should().Equal(ChoiceKind.Right, ChoiceKind.Trap, ChoiceKind.Neutral);
        loaded.Lessons[0].Quiz.Should().NotBeNull("a practice and a quiz live side by side in a lesson");
        var drill = loaded.Lessons[1].Drills.Single();
        (drill.Id, drill.Bank, drill.Draw, drill.Pass).Should().Be(("tin-that-hay-lua", Bank, 4, 3));
        loaded.DrillBanks[Bank].Messages.Should().HaveCount(5);
        loaded.DrillBanks[Bank].Messages.Count(m => !m.IsScam).Should().Be(2);
    }

    public static TheoryData<string, string, string, int, string> BrokenRules => new()
    {
        // file, text to find, its replacement, expected line, part of the message
        { Lesson, "        go: quet-ma\n        kind: right", "        go: quet-maa\n        kind: right", 24, "'go: quet-maa' on the screen 'trang-chu' names no screen" },
        { Lesson, "      - label: Xem lịch sử giao dịch\n        go: lich-su\n", "", 29, "the screen 'lich-su' cannot be reached from the start screen 'trang-chu'" },
        { Lesson, "        go: trang-chu\n        kind: right", "        go: trang-chu", 31, "the screen 'lich-su' has no right choice" },
        { Lesson, "        go: thanh-cong\n        kind: right", "        go: lich-su\n        kind: right\n      - label: Bỏ qua\n        go: thanh-cong", 38, "from the screens 'trang-chu', 'lich-su', 'quet-ma' no end screen can be reached by right choices" },
        { Lesson, "        explain: Đường link lạ có thể mở một trang giả để lấy mật khẩu. Chỉ trả tiền trong ứng dụng.\n", "", 26, "a trap on the screen 'trang-chu' has no 'explain'" },
        { Lesson, "        kind: trap\n        explain: Bạn sẽ", "        kind: trap\n        go: thanh-cong\n        explain: Bạn sẽ", 55, "a trap on the screen 'quet-ma' has 'go'" },
        { Lesson, "      - label: Xem lịch sử giao dịch\n        go: lich-su\n", "      - label: Xem lịch sử giao dịch\n", 29, "a neutral choice on the screen 'trang-chu' has no 'go'" },
        { Lesson, "  - id: lich-su\n", "  - id: trang-chu\n", 31, "the screen id 'trang-chu' is used twice" },
        { DrillLesson, "??? drill id=tin-that-hay-lua", "??? drill id=tra-tien-qr", 10, "the id 'tra-tien-qr' is already used by the practice or drill at courses/khoa/01-tra-tien.md:10" },
        { Lesson, "    end: true\n", "    end: true\n    choices:\n      - label: Về trang chủ\n        go: trang-chu\n", 60, "is an end screen (end: true) but has choices" },
        { Lesson, "title: Tập trả tiền bằng mã QR\napp: Ngân hàng Tập Dượt\n", "title: Tập trả tiền bằng mã QR\n", 11, "the practice 'tra-tien-qr' has no 'app'" },
        { Lesson, "title: Tập trả tiền bằng mã QR\napp", "app", 11, "the practice 'tra-tien-qr' has no 'title'" },
        { Lesson, "start: trang-chu\n", "", 11, "the practice 'tra-tien-qr' has no 'start'" },
        { Lesson, "start: trang-chu\n", "start: trang-chuu\n", 14, "'start: trang-chuu' names no screen" },
        { Lesson, "    choices:\n      - label: Quay lại", "    choices:\n      - label: A\n        go: trang-chu\n      - label: B\n        go: trang-chu\n      - label: C\n        go: trang-chu\n      - label: D\n        go: trang-chu\n      - label: E\n        go: trang-chu\n      - label: Quay lại", 34, "the screen 'lich-su' has 6 choices: at most 5" },
        { Lesson, "  - id: thanh-cong\n", ManyScreens() + "  - id: thanh-cong\n", 15, "has 16 screens: at most 15" },
        { Lesson, "        value: 1.250.000 đ", "        vaule: 1.250.000 đ", 21, "unknown key 'vaule' in a field of the screen 'trang-chu': the keys are label, value" },
        { Lesson, "    title: Trang chủ", "    tittle: Trang chủ", 17, "unknown key 'tittle' in the screen 'trang-chu': the keys are id, title, text, fields, choices, end, explain" },
        { Lesson, "        kind: trap\n        explain: Bạn sẽ", "        kind: trapp\n        explain: Bạn sẽ", 54, "unknown kind 'trapp'" },
        { Lesson, "??? practice id=tra-tien-qr", "??? practice id=Tra_Tien", 10, "write the practice's id on its first line" },
        { Lesson, "    text: Chọn việc bạn muốn làm.", "    text: Chọn: việc bạn", 18, "not valid YAML" },
        { DrillLesson, "bank: tin-nhan.drill.yaml", "bank: tin-nhan-khac.drill.yaml", 12, "the bank file 'tin-nhan-khac.drill.yaml' of the drill 'tin-that-hay-lua' does not exist" },
        { DrillLesson, "draw: 4", "draw: 6", 13, "'draw: 6' in the drill 'tin-that-hay-lua' is more than the 5 messages of tin-nhan.drill.yaml" },
        { DrillLesson, "pass: 3", "pass: 5", 14, "'pass: 5' in the drill 'tin-that-hay-lua' is more than 'draw: 4'" },
        { DrillLesson, "pass: 3", "pass: 3\nshuffle: true", 15, "unknown key 'shuffle' in the drill 'tin-that-hay-lua': the keys are title, bank, draw, pass" },
        { Bank, "    channel: zalo", "    channel: facebook", 11, "unknown channel 'facebook' in the message 'chuyen-nham': write sms, zalo, call, notification or email" },
        { Bank, "    verdict: safe\n    reason: Thông báo", "    verdict: an-toan\n    reason: Thông báo", 29, "unknown verdict 'an-toan' in the message 'so-du': write scam or safe" },
        { Bank, "    reason: Kẻ gian chuyển tiền \"nhầm\" rồi đòi lại qua một tài khoản khác. Hãy báo ngân hàng, không tự chuyển.\n", "", 10, "the message 'chuyen-nham' has no 'reason'" },
        { Bank, "  - id: chuyen-nham", "  - id: cong-an-cap-nhat", 10, "the message id 'cong-an-cap-nhat' is used twice in tin-nhan.drill.yaml" },
        { Bank, "    from: Chị Lan", "    from: Chị Lan\n   bad: [", 13, "not valid YAML" },
    };

    [Theory]
    [MemberData(nameof(BrokenRules))]
    public void Each_broken_rule_is_reported_once_at_its_file_and_line(string file, string find, string replace, int line, string message)
    {
        using var course = TempCourse.CopyOf(_folder);
        course.Edit(file, text =>
        {
            text.Should().Contain(find, "the test edits text that is in the valid course");
            return text.Replace(find, replace);
        });

        var catalog = course.Load(_competences);

        catalog.Courses.Should().BeEmpty("a course with a broken practice is left out until it is fixed");
        catalog.Errors.Should().ContainSingle().Which.ToString().Should().StartWith($"courses/khoa/{file}:{line}: ").And.Contain(message);
    }

    [Fact]
    public void A_missing_bank_file_is_named_with_the_banks_that_exist()
    {
        using var course = TempCourse.CopyOf(_folder);
        course.Delete(Bank);

        var error = course.Load(_competences).Errors.Should().ContainSingle().Subject;

        error.ToString().Should().StartWith($"courses/khoa/{DrillLesson}:12: ").And.Contain("the course folder has none");
    }

    private static string ManyScreens() =>
        string.Concat(Enumerable.Range(1, 12).Select(i => $"  - id: them-{i}\n    title: Thêm\n    choices:\n      - label: Tiếp\n        go: thanh-cong\n        kind: right\n"));
}
