using BinhDanHocVuSo.Content.Competences;
using BinhDanHocVuSo.Content.Courses;
using BinhDanHocVuSo.Content.Practice;
using Simulation = BinhDanHocVuSo.Content.Practice.Practice;

namespace BinhDanHocVuSo.Content.Tests.Practice;

/// <summary>How a run of the test course's simulation and drill is played and judged (TestData/PracticeCourse).</summary>
public class PracticeRunsTests
{
    private static readonly Course _course = CourseLoader.Load(Path.Combine(RepositoryPaths.TestData, "PracticeCourse", ".."), CompetenceModel.Load(RepositoryPaths.Competences))
        .Find("tap-duot")!;

    private static readonly Simulation _practice = _course.Lessons[0].Practices[0];
    private static readonly Drill _drill = _course.Lessons[1].Drills[0];
    private static readonly DrillBank _bank = _course.DrillBanks[_drill.Bank];

    [Fact]
    public void The_right_way_passes_and_a_detour_on_the_way_changes_nothing()
    {
        _practice.Walk([0, 0])!.Outcome.Should().Be(PracticeOutcome.Passed);
        _practice.Walk([2, 0, 0, 0]).Should().BeEquivalentTo(new { Outcome = PracticeOutcome.Passed, RightTaps = 3 });
        _practice.Walk([0])!.Should().BeEquivalentTo(new { Outcome = PracticeOutcome.Playing });
        _practice.Walk([0])!.Screen.Id.Should().Be("quet-ma");
    }

    [Fact]
    public void A_trap_ends_the_run_and_names_its_step()
    {
        var walk = _practice.Walk([0, 1])!;

        walk.Outcome.Should().Be(PracticeOutcome.Trapped);
        walk.TrapKey.Should().Be("quet-ma/1");
        walk.Last!.ExplainHtml.Should().Contain("gấp mười lần");
    }

    [Theory]
    [InlineData(new[] { 0, 1, 0 })]
    [InlineData(new[] { 0, 0, 0 })]
    [InlineData(new[] { 5 })]
    public void A_tap_after_the_run_ended_or_outside_the_screen_is_not_a_run(int[] path) =>
        _practice.Walk(path).Should().BeNull();

    [Theory]
    [InlineData("", new int[0])]
    [InlineData("0.2.1", new[] { 0, 2, 1 })]
    public void Paths_are_written_as_choice_indices_between_dots(string text, int[] path)
    {
        Simulation.ParsePath(text).Should().Equal(path);
        Simulation.FormatPath(path).Should().Be(text);
    }

    [Theory]
    [InlineData("0..1")]
    [InlineData("12")]
    [InlineData("-1")]
    public void A_path_that_is_not_indices_is_refused(string text) => Simulation.ParsePath(text).Should().BeNull();

    [Fact]
    public void A_drill_run_shows_two_of_each_verdict_the_same_for_the_same_seed_and_differs_between_seeds()
    {
        var draws = Enumerable.Range(0, 40).Select(i => DrillDraw.Make(_drill, _bank, Seed(i))).ToList();

        draws.Should().AllSatisfy(d =>
        {
            d.Messages.Should().HaveCount(4).And.OnlyHaveUniqueItems();
            d.Messages.Count(m => m.IsScam).Should().Be(2);
        });
        DrillDraw.Make(_drill, _bank, Seed(3)).Messages.Should().Equal(draws[3].Messages);
        draws.Select(d => string.Join(",", d.Messages.Select(m => m.Id))).Distinct().Count().Should().BeGreaterThan(5);
    }

    [Fact]
    public void A_drill_passes_with_at_least_pass_right()
    {
        var draw = DrillDraw.Make(_drill, _bank, Seed(1));
        var perfect = new string([.. draw.Messages.Select(m => m.IsScam ? DrillDraw.Scam : DrillDraw.Safe)]);
        var oneWrong = (perfect[0] == 's' ? "a" : "s") + perfect[1..];
        var twoWrong = (perfect[0] == 's' ? "a" : "s") + (perfect[1] == 's' ? "a" : "s") + perfect[2..];

        draw.Grade(perfect).Should().BeEquivalentTo(new { RightCount = 4, Finished = true, Passed = true });
        draw.Grade(oneWrong).Should().BeEquivalentTo(new { RightCount = 3, Finished = true, Passed = true });
        draw.Grade(twoWrong).Should().BeEquivalentTo(new { RightCount = 2, Finished = true, Passed = false });
        draw.Grade(perfect[..2])!.Finished.Should().BeFalse();
        draw.Grade(perfect + "s").Should().BeNull();
        draw.Grade("xx").Should().BeNull();
    }

    private static byte[] Seed(int i) => System.Security.Cryptography.SHA256.HashData(BitConverter.GetBytes(i));
}
