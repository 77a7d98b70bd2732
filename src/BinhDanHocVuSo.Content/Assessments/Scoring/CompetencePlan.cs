namespace BinhDanHocVuSo.Content.Assessments.Scoring;

/// <summary>The items that score one competence: its self-rating statements in the level score, and its knowledge questions.</summary>
/// <param name="CompetenceId">E.g. "4.2".</param>
/// <param name="DomainId">The domain of the page the statements are on, e.g. "4".</param>
/// <param name="SelfItems">Self-rating statements whose scale counts in the level (attitude statements do not).</param>
/// <param name="KnowledgeItems">
/// The knowledge questions its knowledge score counts: its own, or with <see cref="KnowledgeScope.Domain"/> every question
/// on its domain's page; may be empty.
/// </param>
public sealed record CompetencePlan(string CompetenceId, string DomainId, IReadOnlyList<SelfRatingItem> SelfItems, IReadOnlyList<KnowledgeItem> KnowledgeItems);

/// <summary>Which competences and domains a survey version scores, in the order they appear in it.</summary>
public sealed class ScoringPlan
{
    private ScoringPlan(IReadOnlyList<CompetencePlan> competences, IReadOnlyList<string> domainIds, IReadOnlyList<KnowledgeItem> knowledgeItems)
    {
        Competences = competences;
        DomainIds = domainIds;
        KnowledgeItems = knowledgeItems;
    }

    /// <summary>Competences with at least one self-rating statement in the level score, in survey order.</summary>
    public IReadOnlyList<CompetencePlan> Competences { get; }

    /// <summary>Domains that have a scored competence, in survey order.</summary>
    public IReadOnlyList<string> DomainIds { get; }

    /// <summary>All knowledge questions, in survey order (also those of a competence without statements).</summary>
    public IReadOnlyList<KnowledgeItem> KnowledgeItems { get; }

    /// <summary>The competences of one domain.</summary>
    public IEnumerable<CompetencePlan> InDomain(string domainId) => Competences.Where(c => c.DomainId == domainId);

    /// <summary>The domain an item's page belongs to.</summary>
    public static string DomainOf(SurveyDefinition survey, SurveyItem item) =>
        survey.Pages.First(page => page.Items.Contains(item)).DomainId;

    /// <summary>Builds the plan of a survey definition.</summary>
    public static ScoringPlan Of(SurveyDefinition survey)
    {
        var inLevel = survey.Scales.Where(s => s.InLevelScore).Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var knowledge = survey.Pages.SelectMany(page => page.Items.OfType<KnowledgeItem>().Select(item => (page.DomainId, item))).ToList();
        var byDomain = survey.Scoring.KnowledgeScope == KnowledgeScope.Domain;
        var competences = survey.Pages
            .SelectMany(page => page.Items.OfType<SelfRatingItem>().Where(i => inLevel.Contains(i.ScaleId)).Select(item => (page.DomainId, item)))
            .GroupBy(x => x.item.CompetenceId, StringComparer.Ordinal)
            .Select(g => new CompetencePlan(
                g.Key,
                g.First().DomainId,
                [.. g.Select(x => x.item)],
                [.. knowledge.Where(k => byDomain ? k.DomainId == g.First().DomainId : k.item.CompetenceId == g.Key).Select(k => k.item)]))
            .ToList();
        return new ScoringPlan(competences, [.. competences.Select(c => c.DomainId).Distinct()], [.. knowledge.Select(k => k.item)]);
    }
}
