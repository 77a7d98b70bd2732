namespace BinhDanHocVuSo.Web.Features.Visits;

/// <summary>
/// The visits section of the progress page (<c>_Visits.cshtml</c>) for a commune or one of its teams. The page has checked
/// that the reader reaches them; this section only reads.
/// </summary>
public sealed class VisitFiguresViewComponent(VisitFigureReader reader, IStringLocalizer<VisitText> text) : ViewComponent
{
    /// <param name="commune">The commune whose figures are shown; null for none (a team member's start page: the links only).</param>
    /// <param name="team">One of the commune's teams, to show its villages only.</param>
    /// <param name="member">Whether the reader is a team member, who records visits.</param>
    public async Task<IViewComponentResult> InvokeAsync(string? commune, Guid? team, bool member) =>
        View("/Features/Visits/_Visits.cshtml", new VisitSection(
            commune is null ? null : await reader.ReadAsync(commune, team, text["Total"], HttpContext.RequestAborted), member));
}

public sealed record VisitSection(VisitFigures? Figures, bool Member);
