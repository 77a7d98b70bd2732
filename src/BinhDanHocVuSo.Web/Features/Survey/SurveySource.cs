using BinhDanHocVuSo.Content.Competences;

namespace BinhDanHocVuSo.Web.Features.Survey;

/// <summary>
/// The survey definitions of <c>assessments/</c>, loaded and validated once at start. New responses use the
/// <see cref="Current"/> version; a past response is always scored with the version it answered.
/// </summary>
public sealed class SurveySource
{
    readonly IReadOnlyList<SurveyDefinition> _surveys;
    readonly Dictionary<SurveyDefinition, string> _layouts = new(ReferenceEqualityComparer.Instance);

    public SurveySource(ContentFolders paths, CompetenceModel competences, ILogger<SurveySource> logger)
    {
        Competences = competences;
        var loaded = SurveyLoader.Load(paths.Assessments, Competences);
        foreach (var error in loaded.Errors)
        {
            logger.LogError("Survey definition: {Error}", error.ToString());
        }
        _surveys = loaded.Surveys;
        foreach (var survey in _surveys)
        {
            _layouts[survey] = ScoringLayout.Fingerprint(survey);
        }
        Current = _surveys.OrderByDescending(s => s.Version).FirstOrDefault();
        Versions = Current is null ? [] : [.. _surveys.Where(s => s.Id == Current.Id).OrderByDescending(s => s.Version)];
    }

    /// <summary>The competence model that items, targets and courses refer to.</summary>
    public CompetenceModel Competences { get; }

    /// <summary>The newest survey version, or null when no definition loaded (the survey pages then answer 404).</summary>
    public SurveyDefinition? Current { get; }

    /// <summary>Every shipped version of the current survey, newest first: reports can look back at a past version.</summary>
    public IReadOnlyList<SurveyDefinition> Versions { get; }

    /// <summary>A survey version, or null when it is no longer shipped.</summary>
    public SurveyDefinition? Find(string surveyId, int version) =>
        _surveys.FirstOrDefault(s => s.Id == surveyId && s.Version == version);

    /// <summary>The <see cref="ScoringLayout"/> fingerprint of a loaded version, kept with the scores counted under it.</summary>
    public string LayoutOf(SurveyDefinition survey) => _layouts.TryGetValue(survey, out var layout) ? layout : ScoringLayout.Fingerprint(survey);

    /// <summary>The Vietnamese name of a competence or domain id, e.g. "4.2 Bảo vệ dữ liệu cá nhân và quyền riêng tư".</summary>
    public string NameOf(string id) =>
        Competences.Find(id) is { } competence ? $"{competence.Id} {competence.Name}"
        : Competences.Domains.FirstOrDefault(d => d.Id == id) is { } domain ? $"{domain.Id}. {domain.Name}"
        : id;
}
