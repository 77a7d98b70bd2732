namespace BinhDanHocVuSo.Web.Features.Survey;

/// <summary>Marker for the survey pages' strings in <c>Resources/Features/Survey/SurveyText.resx</c> (Vietnamese).</summary>
public sealed class SurveyText;
