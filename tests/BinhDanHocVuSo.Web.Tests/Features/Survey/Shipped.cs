using BinhDanHocVuSo.Content.Assessments;
using BinhDanHocVuSo.Content.Competences;
using BinhDanHocVuSo.Content.Courses;
using BinhDanHocVuSo.Web.Tests.Support;

namespace BinhDanHocVuSo.Web.Tests.Features.Survey;

/// <summary>The shipped survey definition and course catalogue, loaded once, for rules tested without a platform.</summary>
static class Shipped
{
    static readonly Lazy<CompetenceModel> _competences = new(() => CompetenceModel.Load(Repository.Path("assessments/competences.yaml")));
    static readonly Lazy<SurveyDefinition> _survey = new(() =>
        SurveyLoader.Load(Repository.Path("assessments"), _competences.Value).Surveys.OrderByDescending(s => s.Version).First());
    static readonly Lazy<CourseCatalog> _catalog = new(() => CourseLoader.Load(Repository.Path("courses"), _competences.Value));

    public static SurveyDefinition Survey => _survey.Value;

    public static CourseCatalog Catalog => _catalog.Value;
}
