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

/// <summary>Builds report groups (by commune, position, age band and their combinations) and merges small age bands. Pure.</summary>
public static class ReportGroups
{
    /// <summary>The id of the age-band background question in the shipped survey.</summary>
    public const string AgeBandQuestionId = "age-band";

    /// <summary>
    /// Groups respondents by the chosen background questions, each group in respondent order; groups are ordered by their
    /// ids (ordinal).
    /// </summary>
    public static IReadOnlyList<ReportGroup> By(IEnumerable<RespondentScores> respondents, GroupBy by)
    {
        // Respondents share background objects (a province has a few thousand): each one's group is found once, and
        // a respondent costs one look-up by reference rather than a new key to hash.
        var groups = new Dictionary<GroupKey, List<RespondentScores>>();
        var groupOf = new Dictionary<RespondentBackground, List<RespondentScores>>(ReferenceEqualityComparer.Instance);
        foreach (var respondent in respondents)
        {
            if (!groupOf.TryGetValue(respondent.Background, out var members))
            {
                var key = KeyOf(respondent.Background, by);
                if (!groups.TryGetValue(key, out members))
                {
                    members = [];
                    groups.Add(key, members);
                }

                groupOf.Add(respondent.Background, members);
            }

            members.Add(respondent);
        }

        return
        [
            .. groups
                .OrderBy(g => g.Key.CommuneId, StringComparer.Ordinal)
                .ThenBy(g => g.Key.RoleId, StringComparer.Ordinal)
                .ThenBy(g => g.Key.AgeBands?.FirstId, StringComparer.Ordinal)
                .Select(g => new ReportGroup(g.Key, g.Value)),
        ];
    }

    /// <summary>The age bands of a survey, youngest first, from its age-band question.</summary>
    public static IReadOnlyList<string> AgeBandOrder(SurveyDefinition survey, string questionId = AgeBandQuestionId) =>
        [.. survey.Background.FirstOrDefault(q => q.Id == questionId)?.Options.Select(o => o.Id) ?? []];

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
        // Respondents are counted, then split, without a look-up of their band ids: a province has a hundred thousand of
        // them but a few thousand shared background objects (see By), whose bands are found once each, by reference.
        var bandIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var b = 0; b < bandOrder.Count; b++)
        {
            bandIndex.TryAdd(bandOrder[b], b);
        }

        var bandOfBackground = new Dictionary<RespondentBackground, int>(ReferenceEqualityComparer.Instance);
        var bandOfRespondent = new int[respondents.Count];
        var inBand = new int[bandOrder.Count];
        for (var r = 0; r < respondents.Count; r++)
        {
            var background = respondents[r].Background;
            if (!bandOfBackground.TryGetValue(background, out var band))
            {
                band = bandIndex.GetValueOrDefault(background.AgeBandId, -1);
                bandOfBackground.Add(background, band);
            }

            bandOfRespondent[r] = band;
            if (band >= 0)
            {
                inBand[band]++;
            }
        }

        var ranges = new List<List<string>>();
        var current = new List<string>();
        var counted = 0;
        for (var b = 0; b < bandOrder.Count; b++)
        {
            current.Add(bandOrder[b]);
            counted += inBand[b];
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

        // Backwards, so that a band listed twice belongs to its first range.
        var rangeOfBand = new int[bandOrder.Count];
        for (var i = ranges.Count - 1; i >= 0; i--)
        {
            ranges[i].ForEach(band => rangeOfBand[bandIndex[band]] = i);
        }

        var members = ranges.Select(_ => new List<RespondentScores>()).ToList();
        for (var r = 0; r < respondents.Count; r++)
        {
            if (bandOfRespondent[r] >= 0)
            {
                members[rangeOfBand[bandOfRespondent[r]]].Add(respondents[r]);
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
