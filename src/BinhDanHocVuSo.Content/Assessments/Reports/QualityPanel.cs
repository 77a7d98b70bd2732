using System.Runtime.CompilerServices;
using BinhDanHocVuSo.Content.Assessments.Scoring;

namespace BinhDanHocVuSo.Content.Assessments.Reports;

/// <summary>What the admin should do about a domain's internal consistency.</summary>
public enum AlphaVerdict
{
    /// <summary>Too few complete answers or no variance to compute α.</summary>
    NotEnoughData,

    /// <summary>Below the review threshold (0.60): the statements do not measure one thing; rework them.</summary>
    Low,

    /// <summary>Between review and accept (0.60–0.70): review the weakest statements.</summary>
    Review,

    /// <summary>At or above accept (0.70) and not redundant.</summary>
    Accept,

    /// <summary>Above the redundancy threshold (0.95): statements repeat each other; some can go.</summary>
    Redundant,
}

/// <summary>An item's corrected item–total correlation.</summary>
/// <param name="ItemId">The item.</param>
/// <param name="Correlation">r with the sum of the other items of its domain (or of the other knowledge questions), or null.</param>
/// <param name="Weak">Whether r is below the survey's minimum (0.30).</param>
public sealed record ItemCorrelation(string ItemId, double? Correlation, bool Weak);

/// <summary>Internal consistency of the self-rating statements of one domain.</summary>
/// <param name="DomainId">E.g. "4".</param>
/// <param name="Respondents">Respondents who answered every statement of the domain (the statistics use only them).</param>
/// <param name="Alpha">Cronbach's α, or null.</param>
/// <param name="Verdict">Accept, review, low or redundant.</param>
/// <param name="Items">Corrected item–total correlation of each statement.</param>
public sealed record DomainReliability(string DomainId, int Respondents, double? Alpha, AlphaVerdict Verdict, IReadOnlyList<ItemCorrelation> Items);

/// <summary>A knowledge question's difficulty.</summary>
/// <param name="ItemId">The question.</param>
/// <param name="Difficulty">Share of respondents who chose the correct option (blank and "Tôi không biết" are wrong).</param>
/// <param name="OutOfRange">Whether it is outside the survey's range (0.20–0.95): too hard or too easy to tell people apart.</param>
public sealed record ItemDifficulty(string ItemId, double Difficulty, bool OutOfRange);

/// <summary>KR-20 of the knowledge questions of one domain.</summary>
/// <param name="DomainId">E.g. "4".</param>
/// <param name="Questions">How many knowledge questions the domain has (KR-20 needs two).</param>
/// <param name="Kr20">KR-20 over the respondents of the panel, or null (fewer than two questions or respondents, or no variance).</param>
public sealed record DomainKr20(string DomainId, int Questions, double? Kr20);

/// <summary>The admin quality panel (spec section e.7 and the quality rules).</summary>
/// <param name="Respondents">How many respondents it is computed from.</param>
/// <param name="Domains">α and item–total correlations per domain.</param>
/// <param name="WeakItems">Items whose corrected item–total r is below the minimum, self-rating and knowledge.</param>
/// <param name="Kr20">KR-20 per domain with knowledge questions, each over that domain's questions only.</param>
/// <param name="KnowledgeItems">Difficulty of every knowledge question.</param>
/// <param name="KnowledgeCorrelations">Corrected item–total r of each knowledge question against the others.</param>
/// <param name="FailedAttentionChecks">Respondents who failed the attention check.</param>
/// <param name="TooFast">Respondents flagged for answering faster than the minimum seconds per item.</param>
public sealed record QualityPanel(
    int Respondents,
    IReadOnlyList<DomainReliability> Domains,
    IReadOnlyList<ItemCorrelation> WeakItems,
    IReadOnlyList<DomainKr20> Kr20,
    IReadOnlyList<ItemDifficulty> KnowledgeItems,
    IReadOnlyList<ItemCorrelation> KnowledgeCorrelations,
    int FailedAttentionChecks,
    int TooFast)
{
    /// <summary>Respondents who failed the attention check or answered too fast (one may be both).</summary>
    public int Flagged { get; init; }

    /// <summary>Whether enough respondents answered to judge the survey's reliability (spec e.7: at least 30).</summary>
    public bool Judged => Respondents >= QualityPanelBuilder.MinRespondents;
}

/// <summary>What the quality panel reads of one respondent.</summary>
/// <param name="Values">Their answers as <see cref="ItemValues"/>, in survey item order.</param>
/// <param name="Flags">Their attention-check and speed flags.</param>
public sealed record RespondentItems(ReadOnlyMemory<byte> Values, RespondentFlags Flags);

/// <summary>Computes the admin quality panel from answers. Pure. Item statistics only: no respondent is identifiable.</summary>
public static class QualityPanelBuilder
{
    /// <summary>Below this many respondents α, KR-20, item–total r and difficulty are "too few to judge" (spec e.7).</summary>
    public const int MinRespondents = 30;

    /// <summary>
    /// The panel a report shows: computed without the flagged respondents (failed attention check, too fast), whose numbers
    /// it still gives. Whether it may be judged at all is <see cref="QualityPanel.Judged"/>.
    /// </summary>
    public static QualityPanel ForReport(SurveyDefinition survey, IReadOnlyList<RespondentItems> respondents)
    {
        var counted = FromItemValues(survey, [.. respondents.Where(r => !r.Flags.Any)]);
        return counted with
        {
            FailedAttentionChecks = respondents.Count(r => r.Flags.FailedAttentionCheck),
            TooFast = respondents.Count(r => r.Flags.TooFast),
            Flagged = respondents.Count(r => r.Flags.Any),
        };
    }

    /// <summary>Builds the panel over all the given respondents.</summary>
    public static QualityPanel Build(SurveyDefinition survey, IReadOnlyList<RespondentAnswers> respondents) =>
        FromItemValues(survey, [.. respondents.Select(r => new RespondentItems(ItemValues.Of(survey, r), RespondentScorer.Flags(survey, r)))]);

    /// <summary>Builds the panel over all the given respondents, in one pass over their item values.</summary>
    /// <exception cref="ArgumentException">A respondent's values are not one per item of the survey.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // One pass over every member of a report: no slow first tier.
    public static QualityPanel FromItemValues(SurveyDefinition survey, IReadOnlyList<RespondentItems> respondents)
    {
        var plan = ScoringPlan.Of(survey);
        var rules = survey.Reporting;
        var column = survey.Items.Select((item, i) => (item.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var itemCount = column.Count;
        var domainItems = plan.DomainIds.Select(d => plan.InDomain(d).SelectMany(c => c.SelfItems).Select(i => i.Id).ToList()).ToList();
        var domainColumns = domainItems.Select(ids => ids.Select(id => column[id]).ToArray()).ToList();
        var knowledgeColumns = plan.KnowledgeItems.Select(k => column[k.Id]).ToArray();
        var knowledgeDomains = plan.DomainIds
            .Select(d => (Id: d, Columns: plan.KnowledgeItems.Where(k => ScoringPlan.DomainOf(survey, k) == d).Select(k => column[k.Id]).ToArray()))
            .Where(d => d.Columns.Length > 0)
            .ToList();
        var domainKnowledgeSums = knowledgeDomains.Select(d => new ItemSums(d.Columns.Length)).ToList();
        var domainSums = domainColumns.Select(c => new ItemSums(c.Length)).ToList();
        var knowledgeSums = new ItemSums(knowledgeColumns.Length);
        var row = new double[Math.Max(knowledgeColumns.Length, domainColumns.Select(c => c.Length).DefaultIfEmpty().Max())];
        var (failed, tooFast, anyFlag) = (0, 0, 0);
        foreach (var respondent in respondents)
        {
            var values = respondent.Values.Span;
            if (values.Length != itemCount)
            {
                throw new ArgumentException($"{values.Length} item values where the survey has {itemCount} items", nameof(respondents));
            }

            for (var d = 0; d < domainColumns.Count; d++)
            {
                // α needs complete rows: a respondent who skipped a statement of the domain is left out of the domain's statistics.
                if (Read(values, domainColumns[d], row))
                {
                    domainSums[d].Add(row.AsSpan(0, domainColumns[d].Length));
                }
            }

            Read(values, knowledgeColumns, row);
            knowledgeSums.Add(row.AsSpan(0, knowledgeColumns.Length));
            for (var d = 0; d < knowledgeDomains.Count; d++)
            {
                // Blank and "Tôi không biết" are wrong (0), so every knowledge row is complete.
                Read(values, knowledgeDomains[d].Columns, row);
                domainKnowledgeSums[d].Add(row.AsSpan(0, knowledgeDomains[d].Columns.Length));
            }
            failed += respondent.Flags.FailedAttentionCheck ? 1 : 0;
            anyFlag += respondent.Flags.Any ? 1 : 0;
            tooFast += respondent.Flags.TooFast ? 1 : 0;
        }

        var domains = plan.DomainIds.Select((d, i) =>
        {
            var alpha = domainSums[i].CronbachAlpha();
            return new DomainReliability(d, domainSums[i].Respondents, alpha, VerdictOf(rules, alpha), Correlations(rules, domainItems[i], domainSums[i]));
        }).ToList();
        var difficulty = knowledgeSums.Difficulty();
        // With nobody answering yet there is no difficulty to judge: no item is flagged.
        var knowledgeItems = plan.KnowledgeItems.Select((k, i) => knowledgeSums.Respondents > 0
            ? new ItemDifficulty(k.Id, difficulty[i], difficulty[i] < rules.KnowledgeDifficultyMin || difficulty[i] > rules.KnowledgeDifficultyMax)
            : new ItemDifficulty(k.Id, 0, false)).ToList();
        var knowledgeCorrelations = Correlations(rules, [.. plan.KnowledgeItems.Select(k => k.Id)], knowledgeSums);
        return new QualityPanel(
            respondents.Count,
            domains,
            [.. domains.SelectMany(d => d.Items).Concat(knowledgeCorrelations).Where(i => i.Weak)],
            [.. knowledgeDomains.Select((d, i) => new DomainKr20(d.Id, d.Columns.Length, domainKnowledgeSums[i].Kr20()))],
            knowledgeItems,
            knowledgeCorrelations,
            failed,
            tooFast) { Flagged = anyFlag };
    }

    /// <summary>The verdict on an α under the survey's thresholds.</summary>
    public static AlphaVerdict VerdictOf(ReportingRules rules, double? alpha) => alpha switch
    {
        null => AlphaVerdict.NotEnoughData,
        var a when a > rules.AlphaRedundant => AlphaVerdict.Redundant,
        var a when a >= rules.AlphaAccept => AlphaVerdict.Accept,
        var a when a >= rules.AlphaReview => AlphaVerdict.Review,
        _ => AlphaVerdict.Low,
    };

    // Copies the values of the given columns into the row; false when one of them is unanswered.
    private static bool Read(ReadOnlySpan<byte> values, int[] columns, double[] row)
    {
        for (var i = 0; i < columns.Length; i++)
        {
            var value = values[columns[i]];
            if (value == ItemValues.Unanswered)
            {
                return false;
            }

            row[i] = value;
        }

        return true;
    }

    private static List<ItemCorrelation> Correlations(ReportingRules rules, IReadOnlyList<string> itemIds, ItemSums sums)
    {
        var correlations = sums.CorrectedItemTotal();
        return [.. itemIds.Select((id, i) => new ItemCorrelation(id, correlations[i], correlations[i] < rules.MinItemTotalCorrelation))];
    }
}
