using BinhDanHocVuSo.Content.Assessments.Scoring;

namespace BinhDanHocVuSo.Content.Assessments.Reports;

/// <summary>A report group and whether it may be shown.</summary>
/// <param name="Group">The group.</param>
/// <param name="Reason">Why it is hidden; <see cref="SuppressionReason.None"/> when shown.</param>
public sealed record GroupVisibility(ReportGroup Group, SuppressionReason Reason)
{
    /// <summary>Whether the group's figures may be shown.</summary>
    public bool Shown => Reason == SuppressionReason.None;
}

/// <summary>
/// Commune × position cells after the roll-up rule: cells of at least k respondents are shown; for a position with a
/// hidden cell, the position across the province is shown instead (when it has k), and complementary suppression hides
/// one more commune cell when exactly one was hidden.
/// </summary>
/// <param name="Cells">Every commune × position cell, ordered by position, then commune.</param>
/// <param name="Positions">The position-across-the-province groups that the hidden cells roll up into.</param>
public sealed record CommunePositionRollUp(IReadOnlyList<GroupVisibility> Cells, IReadOnlyList<GroupVisibility> Positions);

/// <summary>Builds report groups (by commune, position, age band and their combinations) and applies the roll-up rules. Pure.</summary>
public static class ReportGroups
{
    /// <summary>The id of the age-band background question in the shipped survey.</summary>
    public const string AgeBandQuestionId = "age-band";

    /// <summary>Groups respondents by the chosen background questions; groups are ordered by their ids (ordinal).</summary>
    public static IReadOnlyList<ReportGroup> By(IEnumerable<RespondentScores> respondents, GroupBy by) =>
    [
        .. respondents
            .GroupBy(r => KeyOf(r.Background, by))
            .OrderBy(g => g.Key.CommuneId, StringComparer.Ordinal)
            .ThenBy(g => g.Key.RoleId, StringComparer.Ordinal)
            .ThenBy(g => g.Key.AgeBands?.FirstId, StringComparer.Ordinal)
            .Select(g => new ReportGroup(g.Key, [.. g])),
    ];

    /// <summary>The age bands of a survey, youngest first, from its age-band question.</summary>
    public static IReadOnlyList<string> AgeBandOrder(SurveyDefinition survey, string questionId = AgeBandQuestionId) =>
        [.. survey.Background.FirstOrDefault(q => q.Id == questionId)?.Options.Select(o => o.Id) ?? []];

    /// <summary>Applies the roll-up rule to the commune × position cells (see <see cref="CommunePositionRollUp"/>).</summary>
    public static CommunePositionRollUp RollUpCommunePosition(IReadOnlyList<RespondentScores> respondents, CellPrivacy privacy)
    {
        var cells = new List<GroupVisibility>();
        var positions = new List<GroupVisibility>();
        foreach (var byRole in respondents.GroupBy(r => r.Background.RoleId).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var communes = By(byRole, GroupBy.Commune | GroupBy.Position);
            var small = communes.Select(c => (Cell: privacy.Value(null, c.Members.Count), c.Members.Count)).ToList();
            var province = new GroupVisibility(
                new ReportGroup(new GroupKey(null, byRole.Key, null), [.. byRole]),
                privacy.CanShow(byRole.Count()) ? SuppressionReason.None : SuppressionReason.TooFewRespondents);
            var hidden = small.Any(s => s.Cell.Suppressed);
            var suppressed = privacy.SuppressComplement(hidden && province.Shown, small);
            cells.AddRange(communes.Select((group, i) => new GroupVisibility(group, suppressed[i].Reason)));
            if (hidden)
            {
                positions.Add(province);
            }
        }

        return new CommunePositionRollUp(cells, positions);
    }

    /// <summary>
    /// Merges neighbouring age bands until every group has at least k respondents: bands are taken youngest first until
    /// the group is large enough; a too-small remainder joins the group before it. Only when everyone together is fewer
    /// than k is the single group hidden.
    /// </summary>
    /// <param name="respondents">The respondents to split by age.</param>
    /// <param name="bandOrder">Age-band ids, youngest first (see <see cref="AgeBandOrder"/>).</param>
    /// <param name="privacy">The small-cell rules.</param>
    public static IReadOnlyList<GroupVisibility> MergeAgeBands(IReadOnlyList<RespondentScores> respondents, IReadOnlyList<string> bandOrder, CellPrivacy privacy)
    {
        // Respondents are counted and split in one pass each: a province has too many to go over once per band.
        var inBand = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var respondent in respondents)
        {
            inBand[respondent.Background.AgeBandId] = inBand.GetValueOrDefault(respondent.Background.AgeBandId) + 1;
        }

        var ranges = new List<List<string>>();
        var current = new List<string>();
        var counted = 0;
        foreach (var band in bandOrder)
        {
            current.Add(band);
            counted += inBand.GetValueOrDefault(band);
            if (privacy.CanShow(counted))
            {
                ranges.Add(current);
                (current, counted) = ([], 0);
            }
        }

        if (current.Count > 0)
        {
            if (ranges.Count > 0)
            {
                ranges[^1].AddRange(current);
            }
            else
            {
                ranges.Add(current);
            }
        }

        var rangeOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < ranges.Count; i++)
        {
            ranges[i].ForEach(band => rangeOf.TryAdd(band, i));
        }

        var members = ranges.Select(_ => new List<RespondentScores>()).ToList();
        foreach (var respondent in respondents)
        {
            if (rangeOf.TryGetValue(respondent.Background.AgeBandId, out var range))
            {
                members[range].Add(respondent);
            }
        }

        return
        [
            .. ranges.Select((range, i) =>
            {
                var group = new ReportGroup(new GroupKey(null, null, new AgeBandRange(range[0], range[^1])), members[i]);
                return new GroupVisibility(group, privacy.CanShow(members[i].Count) ? SuppressionReason.None : SuppressionReason.TooFewRespondents);
            }),
        ];
    }

    private static GroupKey KeyOf(RespondentBackground background, GroupBy by) => new(
        by.HasFlag(GroupBy.Commune) ? background.CommuneId : null,
        by.HasFlag(GroupBy.Position) ? background.RoleId : null,
        by.HasFlag(GroupBy.AgeBand) ? new AgeBandRange(background.AgeBandId, background.AgeBandId) : null);
}
