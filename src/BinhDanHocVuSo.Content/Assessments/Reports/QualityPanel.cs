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

/// <summary>The admin quality panel (spec section e.7 and the quality rules).</summary>
/// <param name="Respondents">How many respondents it is computed from.</param>
/// <param name="Domains">α and item–total correlations per domain.</param>
/// <param name="WeakItems">Items whose corrected item–total r is below the minimum, self-rating and knowledge.</param>
/// <param name="Kr20">KR-20 of the knowledge questions, or null.</param>
/// <param name="KnowledgeItems">Difficulty of every knowledge question.</param>
/// <param name="KnowledgeCorrelations">Corrected item–total r of each knowledge question against the others.</param>
/// <param name="FailedAttentionChecks">Respondents who failed the attention check.</param>
/// <param name="TooFast">Respondents flagged for answering faster than the minimum seconds per item.</param>
public sealed record QualityPanel(
    int Respondents,
    IReadOnlyList<DomainReliability> Domains,
    IReadOnlyList<ItemCorrelation> WeakItems,
    double? Kr20,
    IReadOnlyList<ItemDifficulty> KnowledgeItems,
    IReadOnlyList<ItemCorrelation> KnowledgeCorrelations,
    int FailedAttentionChecks,
    int TooFast);

/// <summary>Computes the admin quality panel from raw answers. Pure. Item statistics only: no respondent is identifiable.</summary>
public static class QualityPanelBuilder
{
    /// <summary>Builds the panel over all the given respondents.</summary>
    public static QualityPanel Build(SurveyDefinition survey, IReadOnlyList<RespondentAnswers> respondents)
    {
        var plan = ScoringPlan.Of(survey);
        var rules = survey.Reporting;
        var domains = plan.DomainIds.Select(d => DomainReliabilityOf(rules, d, [.. plan.InDomain(d).SelectMany(c => c.SelfItems)], respondents)).ToList();
        var knowledgeRows = respondents
            .Select(r => (IReadOnlyList<double>)[.. plan.KnowledgeItems.Select(k => RespondentScorer.IsCorrect(k, r) ? 1.0 : 0.0)])
            .ToList();
        var difficulty = Reliability.Difficulty(knowledgeRows);
        // With nobody answering yet there is no difficulty to judge: no item is flagged.
        var knowledgeItems = plan.KnowledgeItems.Select((k, i) => i < difficulty.Count
            ? new ItemDifficulty(k.Id, difficulty[i], difficulty[i] < rules.KnowledgeDifficultyMin || difficulty[i] > rules.KnowledgeDifficultyMax)
            : new ItemDifficulty(k.Id, 0, false)).ToList();
        var knowledgeCorrelations = Correlations(rules, plan.KnowledgeItems.Select(k => k.Id).ToList(), knowledgeRows);
        var flags = respondents.Select(r => RespondentScorer.Flags(survey, r)).ToList();
        return new QualityPanel(
            respondents.Count,
            domains,
            [.. domains.SelectMany(d => d.Items).Concat(knowledgeCorrelations).Where(i => i.Weak)],
            Reliability.Kr20(knowledgeRows),
            knowledgeItems,
            knowledgeCorrelations,
            flags.Count(f => f.FailedAttentionCheck),
            flags.Count(f => f.TooFast));
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

    private static DomainReliability DomainReliabilityOf(ReportingRules rules, string domainId, IReadOnlyList<SelfRatingItem> items, IReadOnlyList<RespondentAnswers> respondents)
    {
        // α needs complete rows: a respondent who skipped a statement of the domain is left out of the domain's statistics.
        var rows = respondents
            .Where(r => items.All(i => r.Ratings.ContainsKey(i.Id)))
            .Select(r => (IReadOnlyList<double>)[.. items.Select(i => (double)r.Ratings[i.Id])])
            .ToList();
        var alpha = Reliability.CronbachAlpha(rows);
        return new DomainReliability(domainId, rows.Count, alpha, VerdictOf(rules, alpha), Correlations(rules, [.. items.Select(i => i.Id)], rows));
    }

    private static List<ItemCorrelation> Correlations(ReportingRules rules, IReadOnlyList<string> itemIds, IReadOnlyList<IReadOnlyList<double>> rows)
    {
        var correlations = Reliability.CorrectedItemTotal(rows);
        return
        [
            .. itemIds.Select((id, i) =>
            {
                var r = i < correlations.Count ? correlations[i] : null;
                return new ItemCorrelation(id, r, r < rules.MinItemTotalCorrelation);
            }),
        ];
    }
}
