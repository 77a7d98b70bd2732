using System.Runtime.CompilerServices;
using BinhDanHocVuSo.Content.Assessments.Scoring;

namespace BinhDanHocVuSo.Content.Assessments.Reports;

/// <summary>
/// Per competence, the members of a group with a level and a target: how many, the sum of their levels and how many are
/// below target. Counted in one pass over the members: a province's members do not fit in the processor's caches, and a
/// pass per competence read each of them many times.
/// </summary>
internal sealed class RatedSums
{
    private RatedSums(int competences)
    {
        Rated = new int[competences];
        LevelSum = new double[competences];
        Below = new int[competences];
    }

    public int[] Rated { get; }

    public double[] LevelSum { get; }

    public int[] Below { get; }

    public static RatedSums Empty(int competences) => new(competences);

    /// <summary>These and <paramref name="other"/> together.</summary>
    public RatedSums Plus(RatedSums other)
    {
        var sums = new RatedSums(Rated.Length);
        for (var c = 0; c < Rated.Length; c++)
        {
            (sums.Rated[c], sums.LevelSum[c], sums.Below[c]) = (Rated[c] + other.Rated[c], LevelSum[c] + other.LevelSum[c], Below[c] + other.Below[c]);
        }

        return sums;
    }

    public static RatedSums Of(IReadOnlyList<RespondentScores> members, IReadOnlyList<CompetencePlan> competences) =>
        Split(members, competences, splitFlagged: false).Unflagged;

    /// <summary>The sums of the unflagged and of the flagged members apart, in one pass.</summary>
    public static (RatedSums Unflagged, RatedSums Flagged) Split(IReadOnlyList<RespondentScores> members, IReadOnlyList<CompetencePlan> competences) =>
        Split(members, competences, splitFlagged: true);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // One pass over every member of a report: no slow first tier.
    private static (RatedSums Unflagged, RatedSums Flagged) Split(IReadOnlyList<RespondentScores> members, IReadOnlyList<CompetencePlan> competences, bool splitFlagged)
    {
        var (unflagged, flagged) = (new RatedSums(competences.Count), new RatedSums(competences.Count));
        var ids = competences.Select(c => c.CompetenceId).ToArray();
        foreach (var member in members)
        {
            var sums = splitFlagged && member.Flags.Any ? flagged : unflagged;
            for (var c = 0; c < ids.Length; c++)
            {
                var score = member.Competence(c, ids[c]);
                if (score.Level is not { } level || score.Target is not { } target)
                {
                    continue;
                }

                sums.Rated[c]++;
                sums.LevelSum[c] += level;
                sums.Below[c] += level < target - LevelScale.Tolerance ? 1 : 0;
            }
        }

        return (unflagged, flagged);
    }
}

/// <summary>Per domain, what the domain view shows: members with a domain level and target, per band, level and target sums, below target.</summary>
internal sealed class DomainSums
{
    private DomainSums(string[] domainIds, int bands)
    {
        DomainIds = domainIds;
        Scored = new int[domainIds.Length];
        InBand = new int[domainIds.Length * bands];
        LevelSum = new double[domainIds.Length];
        TargetSum = new double[domainIds.Length];
        Below = new int[domainIds.Length];
    }

    public string[] DomainIds { get; }

    public int[] Scored { get; }

    /// <summary>Members per domain and band, at [domain · bands + band].</summary>
    public int[] InBand { get; }

    public double[] LevelSum { get; }

    public double[] TargetSum { get; }

    public int[] Below { get; }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // One pass over every member of a report: no slow first tier.
    public static DomainSums Of(SurveyDefinition survey, IReadOnlyList<RespondentScores> members)
    {
        var bands = LevelScale.Of(survey).Bands.ToArray();
        var ids = ScoringPlan.Of(survey).DomainIds.ToArray();
        var sums = new DomainSums(ids, bands.Length);
        foreach (var member in members)
        {
            for (var d = 0; d < ids.Length; d++)
            {
                var domain = member.Domain(d, ids[d]);
                if (domain.Level is not { } level || domain.Target is not { } target)
                {
                    continue;
                }

                sums.Scored[d]++;
                sums.LevelSum[d] += level;
                sums.TargetSum[d] += target;
                sums.Below[d] += level < target - LevelScale.Tolerance ? 1 : 0;
                // The scale's own band objects, compared by reference first: comparing records field by field cost more than the rest of the pass.
                for (var b = 0; b < bands.Length; b++)
                {
                    if (ReferenceEquals(domain.Band, bands[b]) || domain.Band == bands[b])
                    {
                        sums.InBand[(d * bands.Length) + b]++;
                        break;
                    }
                }
            }
        }

        return sums;
    }
}

/// <summary>Per domain with knowledge questions, what the calibration view shows: members with both scores, their sums, how many overconfident.</summary>
internal sealed class CalibrationSums
{
    private CalibrationSums(string[] domainIds)
    {
        DomainIds = domainIds;
        Both = new int[domainIds.Length];
        SelfSum = new double[domainIds.Length];
        KnowledgeSum = new double[domainIds.Length];
        Overconfident = new int[domainIds.Length];
    }

    public string[] DomainIds { get; }

    public int[] Both { get; }

    public double[] SelfSum { get; }

    public double[] KnowledgeSum { get; }

    public int[] Overconfident { get; }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // One pass over every member of a report: no slow first tier.
    public static CalibrationSums Of(SurveyDefinition survey, IReadOnlyList<RespondentScores> members)
    {
        var plan = ScoringPlan.Of(survey);
        var domainsWithKnowledge = plan.KnowledgeItems.Select(k => ScoringPlan.DomainOf(survey, k)).ToHashSet(StringComparer.Ordinal);
        var domains = plan.DomainIds.Select((id, index) => (id, index)).Where(x => domainsWithKnowledge.Contains(x.id)).ToList();
        var (indexes, ids) = (domains.Select(d => d.index).ToArray(), domains.Select(d => d.id).ToArray());
        var sums = new CalibrationSums(ids);
        foreach (var member in members)
        {
            for (var d = 0; d < ids.Length; d++)
            {
                var domain = member.Domain(indexes[d], ids[d]);
                if (domain.SelfScore is not { } self || domain.KnowledgeScore is not { } knowledge)
                {
                    continue;
                }

                sums.Both[d]++;
                sums.SelfSum[d] += self;
                sums.KnowledgeSum[d] += knowledge;
                sums.Overconfident[d] += domain.Overconfident ? 1 : 0;
            }
        }

        return sums;
    }
}
