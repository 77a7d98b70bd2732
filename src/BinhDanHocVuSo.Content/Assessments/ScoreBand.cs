namespace BinhDanHocVuSo.Content.Assessments;

/// <summary>
/// A score band, e.g. "Trung cấp" from score 0.48 at level 3. Inside a band the level rises linearly up to
/// the next band's <see cref="MinLevel"/> at its <see cref="MinScore"/>; the last band ends at the survey's max level at score 1.
/// </summary>
/// <param name="Id">Stable id ("not-yet", "foundation", "intermediate", "advanced"); self-rating statements aim at one.</param>
/// <param name="Name">Vietnamese name: Chưa đạt, Cơ bản, Trung cấp, Nâng cao.</param>
/// <param name="MinScore">Lowest combined score (0–1) in the band.</param>
/// <param name="MinLevel">Level at <see cref="MinScore"/>.</param>
public sealed record ScoreBand(string Id, string Name, double MinScore, int MinLevel);
