using BinhDanHocVuSo.Content.Assessments.Reports;

namespace BinhDanHocVuSo.Content.Tests.Assessments.Reports;

/// <summary>The differencing rule on counts alone: which groups of a tree may be shown, without and with flagged respondents.</summary>
public class DisclosurePlanTests
{
    // 0 province; 1 leaders, 2 one-stop; 3 Phường X · leaders, 4 xã A · leaders, 5 Phường X · one-stop, 6 xã A · one-stop.
    private static readonly int[] Parents = [-1, 0, 0, 1, 1, 2, 2];

    [Fact]
    public void Five_leaders_of_one_commune_are_not_shown_beside_the_provinces_eight()
    {
        var plan = DisclosurePlan.Decide(Parents, unflagged: [28, 8, 20, 5, 3, 14, 6], flagged: [0, 0, 0, 0, 0, 0, 0], rootShown: true, k: 5);

        // 8 − 5 = 3 would be xã A's leaders: Phường X's cell is hidden too, and the leaders are read across the province.
        plan.Default.Should().Equal(true, true, true, false, false, true, true);
    }

    [Fact]
    public void A_commune_of_exactly_five_plus_one_hides_its_five_when_the_one_has_no_other_company()
    {
        // One-stop: Phường X 14, xã A 5, xã B 1 → 20 − 14 − 5 = 1: the smallest shown cell (xã A's 5) goes, leaving 6.
        var plan = DisclosurePlan.Decide([-1, 0, 1, 1, 1], unflagged: [20, 20, 14, 5, 1], flagged: [0, 0, 0, 0, 0], rootShown: true, k: 5);

        plan.Default.Should().Equal(true, true, true, false, false);
    }

    [Fact]
    public void With_flagged_respondents_a_group_is_shown_only_when_its_flagged_part_is_none_or_five_or_more()
    {
        // Province 30 + 7 flagged; leaders 10 + 2 flagged; one-stop 20 + 5 flagged.
        var plan = DisclosurePlan.Decide([-1, 0, 0], unflagged: [30, 10, 20], flagged: [7, 2, 5], rootShown: true, k: 5);

        plan.Default.Should().Equal(true, true, true);
        // Leaders with their 2 flagged beside leaders without them would give the 2 away; the province's flagged remainder
        // is then 7 − 5 = 2 as well, so the one-stop column goes too, leaving 7.
        plan.Included.Should().Equal(true, false, false);
    }

    [Fact]
    public void Three_flagged_respondents_in_all_hide_the_whole_report_that_includes_them()
    {
        var plan = DisclosurePlan.Decide([-1], unflagged: [40], flagged: [3], rootShown: true, k: 5);

        (plan.Default[0], plan.Included[0]).Should().Be((true, false));
    }
}
