namespace BinhDanHocVuSo.Content.Assessments;

/// <summary>The surveys that loaded without errors, and the errors of those that did not (which are skipped).</summary>
public sealed record SurveyLoadResult(IReadOnlyList<SurveyDefinition> Surveys, IReadOnlyList<ContentError> Errors);
