using System.Numerics;
using BinhDanHocVuSo.Content.Assessments;
using BinhDanHocVuSo.Content.Assessments.Export;
using BinhDanHocVuSo.Content.Assessments.Reports;
using BinhDanHocVuSo.Content.Assessments.Scoring;
using BinhDanHocVuSo.Content.Tests.Assessments.Export;
using BinhDanHocVuSo.Content.Tests.Assessments.Scoring;

namespace BinhDanHocVuSo.Content.Tests.Assessments.Reports;

/// <summary>
/// The differencing attack of spec (d), privacy (corrected 2026-12-03), tried on every grouping the report page offers
/// (every combination of <c>by=</c>), with flagged respondents left out and included (the toggle), on the report's figures
/// as the page shows them and on the CSV export. The attacker knows who is in which group. For each measure (a
/// competence's level and share below target; the members below target; a domain's levels; a calibration domain) they take
/// every shown figure as an aggregate, and every set of disjoint shown figures inside it, and subtract counts and
/// count × mean: the people left over must never be 1 to 4.
/// </summary>
public class SubtractionAttackSpec
{
    private static readonly SurveyDefinition Survey = WorkedExample.Survey;

    private static readonly string[] Bands = ["under-30", "30-39", "40-49", "50-plus"];

    /// <summary>
    /// Adversarial data: 8 leaders in the province, 5 of them in Phường X (the leak found); small communes; a commune of
    /// exactly 5 + 1; a position of exactly 5 + 5 flagged; flagged respondents scattered 1 to 5 a cell; two people without
    /// a level for 1.3; age bands dealt round so that every grouping by age has small bands to merge.
    /// </summary>
    private static readonly IReadOnlyList<RespondentScores> People = Population();

    private static List<RespondentScores> Population()
    {
        var people = new List<RespondentScores>();
        var band = 0;
        void Add(string commune, string role, int count, int flagged = 0, string like = "R4")
        {
            for (var i = 0; i < count; i++)
            {
                people.AddRange(Reports.Population.Like(like, 1, commune, role, Bands[band++ % Bands.Length], flagged: i < flagged));
            }
        }

        Add("phuong-x", "leadership", 5);
        Add("xa-a", "leadership", 2);
        Add("xa-b", "leadership", 1, flagged: 1);
        Add("phuong-x", "one-stop", 12, flagged: 3);
        Add("phuong-x", "one-stop", 2, like: "R3");
        Add("xa-a", "one-stop", 6, flagged: 1);
        Add("xa-b", "one-stop", 1);
        Add("xa-c", "one-stop", 5);
        Add("xa-c", "land", 1);
        Add("xa-d", "land", 10, flagged: 5);
        Add("xa-d", "office", 4, like: "R7");
        Add("xa-e", "one-stop", 2, like: "R1");
        return people;
    }

    private static readonly GroupBy[] Groupings =
    [
        GroupBy.None, GroupBy.Commune, GroupBy.Position, GroupBy.AgeBand, GroupBy.Commune | GroupBy.Position,
        GroupBy.Commune | GroupBy.AgeBand, GroupBy.Position | GroupBy.AgeBand, GroupBy.Commune | GroupBy.Position | GroupBy.AgeBand,
    ];

    public static TheoryData<GroupBy> EveryGrouping() => [.. Groupings];

    [Theory]
    [MemberData(nameof(EveryGrouping))]
    public void No_hidden_group_of_one_to_four_can_be_recovered_from_a_grouping_with_and_without_flagged_respondents(GroupBy by)
    {
        var shown = new[] { false, true }.SelectMany(include => ShownOnPage(Report(by, include), include));

        Leaks(shown).Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(EveryGrouping))]
    public void No_hidden_group_of_one_to_four_can_be_recovered_from_the_csv_export_of_a_grouping(GroupBy by)
    {
        var shown = new[] { false, true }.SelectMany(include => ShownInCsv(Report(by, include), include));

        Leaks(shown).Should().BeEmpty();
    }

    /// <summary>The readers of the report: the province (admin), each commune alone (its leader), and trainers' communes that overlap.</summary>
    public static readonly string[]?[] Scopes =
    [
        null, ["phuong-x"], ["xa-a"], ["xa-b"], ["xa-c"], ["xa-d"], ["xa-e"],
        ["phuong-x", "xa-a"], ["xa-a", "xa-b"], ["phuong-x", "xa-a", "xa-b"], ["xa-c", "xa-d"], ["xa-c", "xa-d", "xa-e"], ["xa-d", "xa-e"],
    ];

    [Fact]
    public void No_hidden_group_can_be_recovered_from_every_page_of_every_reader_seen_together()
    {
        // Every grouping, both toggles, every scope: an attacker who can read them all (or several readers pooling pages).
        var shown = Groupings.SelectMany(by => Scopes.SelectMany(scope => new[] { false, true }.SelectMany(include =>
            ShownOnPage(Report(by, include, scope), include))));

        Leaks(shown).Should().BeEmpty();
    }

    [Fact]
    public void The_attack_finds_the_leak_of_the_old_roll_up_rule()
    {
        // The old page: the province's 8 leaders beside Phường X's 5.
        var leaders = People.Where(p => p.Background.RoleId == "leadership" && !p.Flags.Any).ToList();
        var old = new[]
        {
            new Shown("1.2", "Lãnh đạo", Ids(leaders)),
            new Shown("1.2", "Phường X · Lãnh đạo", Ids(leaders.Where(p => p.Background.CommuneId == "phuong-x"))),
        };

        Leaks(old).Should().ContainSingle().Which.Should().Contain("2 người");
    }

    [Fact]
    public void The_attack_finds_the_leak_of_two_trainers_overlapping_communes_shown_on_their_own()
    {
        // Xã A and xã B each too small to show a whole-group figure alone would be found by taking one trainer's total
        // from another's: the two scoped reports decided on their own, as before, showed both totals.
        var unflagged = People.Where(p => !p.Flags.Any).ToList();
        var pages = new[]
        {
            new Shown("1.2", "Phường X + xã A + xã B", Ids(unflagged.Where(p => p.Background.CommuneId is "phuong-x" or "xa-a" or "xa-b"))),
            new Shown("1.2", "Phường X + xã A", Ids(unflagged.Where(p => p.Background.CommuneId is "phuong-x" or "xa-a"))),
        };

        Leaks(pages).Should().ContainSingle().Which.Should().Contain("1 người");
    }

    [Fact]
    public void By_commune_and_position_the_five_leaders_of_Phuong_X_are_shown_inside_their_commune_with_no_province_wide_position_beside_them()
    {
        var report = Report(GroupBy.Commune | GroupBy.Position, includeFlagged: false);
        var row = report.HeatMap.Single(r => r.CompetenceId == "1.2");

        row.Columns.Single(c => c.Group == new GroupKey("phuong-x", "leadership", null)).MeanLevel.Suppressed.Should().BeFalse();
        row.Columns.Should().NotContain(c => c.Group.CommuneId == null, "positions across the province would cross the communes");
    }

    [Fact]
    public void A_trainers_communes_total_is_hidden_when_one_of_them_is_too_small_to_show_and_shown_when_all_are()
    {
        var mixed = Report(GroupBy.None, includeFlagged: false, ["phuong-x", "xa-b"]).HeatMap.Single(r => r.CompetenceId == "1.2");
        var whole = Report(GroupBy.None, includeFlagged: false, ["phuong-x", "xa-d"]).HeatMap.Single(r => r.CompetenceId == "1.2");

        mixed.Total.MeanLevel.Suppressed.Should().BeTrue("xã B has one unflagged respondent");
        whole.Total.MeanLevel.Suppressed.Should().BeFalse();
    }

    [Fact]
    public void A_finer_dimension_brings_the_coarser_ones_with_it()
    {
        ReportTrees.Normalize(GroupBy.Position).Should().Be(GroupBy.Commune | GroupBy.Position);
        ReportTrees.Normalize(GroupBy.AgeBand).Should().Be(GroupBy.Commune | GroupBy.Position | GroupBy.AgeBand);
        ReportTrees.Normalize(GroupBy.Commune | GroupBy.AgeBand).Should().Be(GroupBy.Commune | GroupBy.Position | GroupBy.AgeBand);
    }

    [Fact]
    public void Means_of_fewer_than_ten_people_are_whole_levels_on_the_page_and_in_the_export()
    {
        var checkedCells = 0;
        foreach (var by in Groupings)
        {
            var report = Report(by, includeFlagged: false);
            var small = report.HeatMap.SelectMany(r => r.Columns.Prepend(r.Total).Select(c => (r.CompetenceId, Cell: c)))
                .Where(x => !x.Cell.MeanLevel.Suppressed && Members(x.Cell.Group, false, m => Rated(m, x.CompetenceId)).Count < 10)
                .ToList();

            small.Where(x => x.Cell.MeanLevel.Value != Math.Round(x.Cell.MeanLevel.Value!.Value)).Should().BeEmpty($"by {by}");
            checkedCells += small.Count;
            var csv = CsvParser.Parse(ReportCsv.Write(report, Label));
            foreach (var (competence, cell) in small)
            {
                csv.Should().Contain(r => r[0] == "Bản đồ nhiệt" && r[1] == Label(cell.Group) && r[2] == competence && r[3] == "Bậc trung bình"
                    && !r[4].Contains('.'));
            }
        }

        checkedCells.Should().BePositive("the data has shown cells of 5 to 9 people");
    }

    private static SurveyReport Report(GroupBy by, bool includeFlagged, string[]? scope = null) =>
        SurveyReportBuilder.Build(Survey, ReportRequest.For(Survey, People, by, includeFlagged, People.Count, WorkedExample.Courses, scope));

    /// <summary>A figure shown, the measure it is of, and the people it is computed from.</summary>
    private sealed record Shown(string Measure, string Where, IReadOnlySet<string> Members);

    private static IEnumerable<Shown> ShownOnPage(SurveyReport report, bool include)
    {
        foreach (var row in report.HeatMap)
        {
            foreach (var cell in row.Columns.Prepend(row.Total).Where(c => !c.MeanLevel.Suppressed || !c.PercentBelowTarget.Suppressed))
            {
                yield return HeatCell(row.CompetenceId, cell.Group, include);
            }
        }

        foreach (var p in report.Priorities)
        {
            if (!p.PercentBelowTarget.Suppressed || !p.ToEnrol.Suppressed)
            {
                yield return HeatCell(p.CompetenceId, GroupKey.All, include);
            }

            if (!p.Priority.Suppressed || !p.MeanGap.Suppressed || !p.Target.Suppressed)
            {
                yield return BelowTarget(p.CompetenceId, include);
            }
        }

        foreach (var d in report.Domains.Where(d => new[] { d.MeanLevel, d.MeanTarget, d.PercentBelowTarget }.Concat(d.Bands.Select(b => b.Percent)).Any(c => !c.Suppressed)))
        {
            yield return Domain(d.DomainId, include);
        }

        foreach (var c in report.Calibration.Where(c => !c.SelfScore.Suppressed || !c.KnowledgeScore.Suppressed || !c.PercentOverconfident.Suppressed))
        {
            yield return Calibration(c.DomainId, c.Group, include);
        }
    }

    private static IEnumerable<Shown> ShownInCsv(SurveyReport report, bool include)
    {
        foreach (var row in CsvParser.Parse(ReportCsv.Write(report, Label)).Skip(1).Where(r => r.Count == 6 && r[4].Length > 0))
        {
            var (section, group, what, measure) = (row[0], KeyOf(row[1]), row[2], row[3]);
            var shown = section switch
            {
                "Bản đồ nhiệt" => HeatCell(what, group, include),
                "Ưu tiên bồi dưỡng" when measure is "% dưới mục tiêu" or "Số người cần học" => HeatCell(what.Split(". ")[1], GroupKey.All, include),
                "Ưu tiên bồi dưỡng" => BelowTarget(what.Split(". ")[1], include),
                "Phân bố theo lĩnh vực" => Domain(what, include),
                "Tự đánh giá và kiến thức" => Calibration(what, group, include),
                _ => null,
            };
            if (shown is not null)
            {
                yield return shown;
            }
        }
    }

    private static Shown HeatCell(string competence, GroupKey group, bool include) =>
        new(competence, Label(group), Ids(Members(group, include, m => Rated(m, competence))));

    private static Shown BelowTarget(string competence, bool include) =>
        new("below target " + competence, "", Ids(Members(GroupKey.All, include, m => m.Competence(competence).BelowTarget)));

    private static Shown Domain(string domain, bool include) =>
        new("domain " + domain, "", Ids(Members(GroupKey.All, include, m => m.Domain(domain) is { Level: not null, Target: not null })));

    private static Shown Calibration(string domain, GroupKey group, bool include) =>
        new("calibration " + domain, Label(group), Ids(Members(group, include, m => m.Domain(domain) is { SelfScore: not null, KnowledgeScore: not null })));

    private static bool Rated(RespondentScores member, string competence) => member.Competence(competence) is { Level: not null, Target: not null };

    private static List<RespondentScores> Members(GroupKey group, bool include, Func<RespondentScores, bool> counted) =>
    [
        .. People.Where(p => (include || !p.Flags.Any)
            && (group.CommuneId is null || p.Background.CommuneId == group.CommuneId)
            && (group.RoleId is null || p.Background.RoleId == group.RoleId)
            && (group.AgeBands is null || InRange(p.Background.AgeBandId, group.AgeBands))
            && counted(p)),
    ];

    private static bool InRange(string band, AgeBandRange range) =>
        Array.IndexOf(Bands, band) is var i && i >= Array.IndexOf(Bands, range.FirstId) && i <= Array.IndexOf(Bands, range.LastId);

    private static HashSet<string> Ids(IEnumerable<RespondentScores> members) => [.. members.Select(m => m.RespondentId)];

    private static string Label(GroupKey key) => $"{key.CommuneId}|{key.RoleId}|{key.AgeBands?.FirstId}|{key.AgeBands?.LastId}";

    private static GroupKey KeyOf(string label)
    {
        var parts = label.Split('|').Select(p => p.Length == 0 ? null : p).ToArray();
        return new GroupKey(parts[0], parts[1], parts[2] is { } first ? new AgeBandRange(first, parts[3]!) : null);
    }

    /// <summary>
    /// Every way to subtract: per measure, each shown set of people is an aggregate; every union of disjoint shown sets
    /// strictly inside it is taken away; a remainder of 1 to 4 people is a leak (their count and, with the means, their
    /// mean). A shown set of 1 to 4 people is one too.
    /// </summary>
    private static List<string> Leaks(IEnumerable<Shown> shown)
    {
        var index = People.Select((p, i) => (p.RespondentId, i)).ToDictionary(x => x.RespondentId, x => x.i);
        UInt128 Mask(IReadOnlySet<string> members) => members.Aggregate(UInt128.Zero, (mask, id) => mask | (UInt128.One << index[id]));
        var leaks = new List<string>();
        foreach (var measure in shown.GroupBy(s => s.Measure))
        {
            var sets = measure.GroupBy(s => Mask(s.Members))
                .Select(g => (Mask: g.Key, Where: string.Join(" = ", g.Select(s => s.Where).Distinct())))
                .Where(s => s.Mask != UInt128.Zero)
                .ToList();
            foreach (var aggregate in sets)
            {
                var size = (int)UInt128.PopCount(aggregate.Mask);
                var inside = sets.Where(s => s.Mask != aggregate.Mask && (s.Mask & ~aggregate.Mask) == UInt128.Zero).Select(s => s.Mask).ToList();
                var seen = new HashSet<UInt128>();
                var pending = new Stack<UInt128>([UInt128.Zero]);
                while (pending.TryPop(out var taken))
                {
                    if (!seen.Add(taken))
                    {
                        continue;
                    }

                    var left = size - (int)UInt128.PopCount(taken);
                    if (left is >= 1 and <= 4)
                    {
                        leaks.Add($"{measure.Key}: {aggregate.Where} minus {(int)UInt128.PopCount(taken)} people in shown cells leaves {left} người");
                    }

                    foreach (var cell in inside.Where(c => (c & taken) == UInt128.Zero))
                    {
                        pending.Push(taken | cell);
                    }
                }
            }
        }

        return leaks;
    }
}
