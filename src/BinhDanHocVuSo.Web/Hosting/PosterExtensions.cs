using BinhDanHocVuSo.Web.Features.Posters;

namespace BinhDanHocVuSo.Web.Hosting;

/// <summary>Posters placed in communes (issue 21): their codes, the scans their pages send, and the scans' figures.</summary>
public static class PosterExtensions
{
    public static WebApplicationBuilder AddPosters(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<PlacedPosters>();
        builder.Services.AddScoped<PosterScanFigures>();
        return builder;
    }

    public static WebApplication MapPosters(this WebApplication app)
    {
        app.MapPosterScansApi();
        return app;
    }
}
