namespace BinhDanHocVuSo.Content.Competences;

/// <summary>One competence of the digital-competency framework, e.g. <c>4.2</c> "Bảo vệ dữ liệu cá nhân và quyền riêng tư".</summary>
/// <param name="Id">Stable id such as "4.2"; courses and survey items reference it.</param>
/// <param name="DomainId">Id of the domain it belongs to, e.g. "4".</param>
/// <param name="Name">Vietnamese name, shown to users.</param>
/// <param name="NameEn">English name, for maintainers and reports.</param>
public sealed record Competence(string Id, string DomainId, string Name, string NameEn);
