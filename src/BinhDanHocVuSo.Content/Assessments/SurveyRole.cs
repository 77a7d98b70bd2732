namespace BinhDanHocVuSo.Content.Assessments;

/// <summary>A job position of commune officials, e.g. "one-stop" — Một cửa, phục vụ hành chính công.</summary>
/// <param name="Id">Stable id that targets and results refer to.</param>
/// <param name="Name">Vietnamese name shown in the background question and in reports.</param>
public sealed record SurveyRole(string Id, string Name);
