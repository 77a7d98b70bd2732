namespace BinhDanHocVuSo.Web.Features.Posters;

/// <summary>
/// The poster-scans section of <c>/progress</c> (<c>_PosterScans.cshtml</c>): on a commune's page, its posters and its
/// scans per week; on the province's, the scans per commune per week. The progress page decides who reads which.
/// </summary>
public sealed class PosterScansViewComponent(PosterScanFigures figures, ICourseCatalogSource catalog, CommuneDirectory communes) : ViewComponent
{
    /// <summary>Where the section is shown: one commune, or the province (null).</summary>
    public sealed record Section(string? Commune, PosterScanReport Report, CourseCatalog Catalog, CommuneDirectory Communes);

    public async Task<IViewComponentResult> InvokeAsync(string? commune) =>
        View("/Features/Posters/_PosterScans.cshtml",
            new Section(commune, await figures.ReadAsync(commune, HttpContext.RequestAborted), catalog.Current, communes));
}
