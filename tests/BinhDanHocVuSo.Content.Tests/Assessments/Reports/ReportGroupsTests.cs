using BinhDanHocVuSo.Content.Assessments;
using BinhDanHocVuSo.Content.Assessments.Reports;
using BinhDanHocVuSo.Content.Tests.Assessments.Scoring;

namespace BinhDanHocVuSo.Content.Tests.Assessments.Reports;

public class ReportGroupsTests
{
    private readonly CellPrivacy _privacy = new(WorkedExample.Survey.Privacy);

    [Fact]
    public void Respondents_are_grouped_by_any_combination_of_commune_position_and_age_band()
    {
        var scores = WorkedExample.Scores;

        ReportGroups.By(scores, GroupBy.None).Single().Members.Should().HaveCount(7);
        ReportGroups.By(scores, GroupBy.Position).Select(g => (g.Key.RoleId, g.Members.Count)).Should().Equal(("leadership", 3), ("one-stop", 4));
        ReportGroups.By(scores, GroupBy.Commune | GroupBy.Position).Select(g => (g.Key.CommuneId, g.Key.RoleId, g.Members.Count))
            .Should().Equal(("xa-a", "leadership", 2), ("xa-a", "one-stop", 2), ("xa-b", "leadership", 1), ("xa-b", "one-stop", 2));
        ReportGroups.By(scores, GroupBy.AgeBand).Select(g => g.Key.AgeBands!.FirstId).Should().Equal("30-39", "40-49", "50-plus", "under-30");
    }

    [Fact]
    public void Small_age_bands_merge_with_their_neighbours_until_each_group_has_k_respondents()
    {
        // under-30: 2, 30-39: 4 → together 6; 40-49: 6; 50-plus: 1 is too small alone and joins 40-49 (7).
        var respondents = Population.Of(2, ageBand: "under-30").Concat(Population.Of(4, ageBand: "30-39"))
            .Concat(Population.Of(6, ageBand: "40-49")).Concat(Population.Of(1, ageBand: "50-plus")).ToList();

        var groups = ReportGroups.MergeAgeBands(respondents, ReportGroups.AgeBandOrder(WorkedExample.Survey), _privacy);

        groups.Select(g => (g.Group.Key.AgeBands, g.Group.Members.Count, g.Shown)).Should().Equal(
            (new AgeBandRange("under-30", "30-39"), 6, true),
            (new AgeBandRange("40-49", "50-plus"), 7, true));
    }

    [Fact]
    public void The_age_bands_of_the_worked_example_merge_into_one_group_of_seven()
    {
        // under-30 1, 30-39 2, 40-49 2 → 5 closes a group; 50-plus 2 is left over and joins it.
        var groups = ReportGroups.MergeAgeBands(WorkedExample.Scores, ReportGroups.AgeBandOrder(WorkedExample.Survey), _privacy);

        groups.Select(g => (g.Group.Key.AgeBands, g.Group.Members.Count)).Should().Equal((new AgeBandRange("under-30", "50-plus"), 7));
    }

    [Fact]
    public void Fewer_than_k_respondents_in_all_give_one_hidden_age_group()
    {
        var groups = ReportGroups.MergeAgeBands([.. Population.Of(3)], ReportGroups.AgeBandOrder(WorkedExample.Survey), _privacy);

        groups.Should().ContainSingle().Which.Reason.Should().Be(SuppressionReason.TooFewRespondents);
    }
}
