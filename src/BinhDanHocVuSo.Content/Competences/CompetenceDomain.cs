namespace BinhDanHocVuSo.Content.Competences;

/// <summary>A domain (area) of the framework, e.g. "4 — An toàn", with its competences in file order.</summary>
public sealed record CompetenceDomain(string Id, string Name, string NameEn, IReadOnlyList<Competence> Competences);
