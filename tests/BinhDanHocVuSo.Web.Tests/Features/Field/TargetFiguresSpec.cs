using BinhDanHocVuSo.Web.Features.Field;

namespace BinhDanHocVuSo.Web.Tests.Features.Field;

/// <summary>
/// The kept figures of a target, without a host: which weeks its trend has, and a team's total, trend and assisted share
/// read from the commune's tree under the privacy rule.
/// </summary>
public sealed class TargetFiguresSpec
{
    static readonly DateOnly Monday = new(2026, 11, 2);

    [Fact]
    public void A_week_ends_at_midnight_in_Vietnam_and_the_week_under_way_counts_through_today()
    {
        var sundayNight = TargetFigures.WeeksOf(Monday, new DateTime(2026, 11, 22, 16, 59, 59, DateTimeKind.Utc));
        var mondayMorning = TargetFigures.WeeksOf(Monday, new DateTime(2026, 11, 22, 17, 0, 0, DateTimeKind.Utc));

        sundayNight.Should().Equal((1, new DateOnly(2026, 11, 8)), (2, new DateOnly(2026, 11, 15)), (3, new DateOnly(2026, 11, 22)));
        mondayMorning.Should().Equal((1, new DateOnly(2026, 11, 8)), (2, new DateOnly(2026, 11, 15)), (3, new DateOnly(2026, 11, 22)), (4, new DateOnly(2026, 11, 23)));
    }

    [Fact]
    public void A_team_shows_its_sum_its_trend_and_its_assisted_share_only_when_each_of_its_villages_allows_it()
    {
        var weeks = TargetFigures.WeeksOf(Monday, new DateTime(2026, 11, 10, 3, 0, 0, DateTimeKind.Utc));
        VillageFigure Village(string key, int count, int assisted, int firstWeek) => new(key, key, 100, count, assisted, [firstWeek, count]);
        var villages = new[] { Village("a/1", 12, 6, 4), Village("a/2", 8, 0, 8), Village("a/3", 3, 0, 0), Village("a/-", 0, 0, 0) };
        var figures = new TargetFigures(DateTime.UtcNow, "*", "Tỉnh", HasAssisted: true, weeks,
            [new CommuneFigure("a", "Xã A", 300, 23, 6, [12, 23], villages)]);

        var open = figures.Team("a", "t1", "Tổ 1", ["a/1", "a/2"])!;
        var withSmallVillage = figures.Team("a", "t2", "Tổ 2", ["a/2", "a/3"])!;

        (open.Total.Count, open.Total.Hidden, open.Assisted, open.AssistedHidden).Should().Be((20, false, 6, false));
        open.Trend.Select(w => w.Count).Should().Equal(12, 20);
        (withSmallVillage.Total.Hidden, withSmallVillage.Assisted, withSmallVillage.AssistedHidden).Should().Be((true, null, true));
        withSmallVillage.Trend.Should().BeEmpty("a hidden total hides its weekly figures too");
    }
}
