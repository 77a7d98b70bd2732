namespace BinhDanHocVuSo.Content.Assessments;

/// <summary>A page of the survey: the items of one competence area (domain).</summary>
/// <param name="Id">Stable id; the survey resumes at the page where it stopped.</param>
/// <param name="DomainId">The domain of the competence model, e.g. "4".</param>
/// <param name="Title">Vietnamese title.</param>
/// <param name="Items">Items in order.</param>
public sealed record SurveyPage(string Id, string DomainId, string Title, IReadOnlyList<SurveyItem> Items);
