using BinhDanHocVuSo.Web.Features.Field;

namespace BinhDanHocVuSo.Web.Hosting;

/// <summary>The community digital-technology teams' work: villages, teams, targets and progress.</summary>
public static class FieldExtensions
{
    public static WebApplicationBuilder AddField(this WebApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<FieldOptions, FieldOptionsValidator>(FieldOptions.Section);
        builder.Services.AddScoped<Villages>();
        builder.Services.AddScoped<FieldAccess>();
        builder.Services.AddScoped<FieldProgress>();
        builder.Services.AddScoped<AssistedPeople>();
        builder.Services.AddSingleton<Guiding>();
        builder.Services.AddScoped<BinhDanHocVuSo.Web.Features.Visits.VisitRecorder>();
        builder.Services.AddScoped<BinhDanHocVuSo.Web.Features.Visits.VisitFigureReader>();
        return builder;
    }

    /// <summary>The field work's JSON endpoints: the visits a team member's phone sends (<c>POST /api/visits</c>).</summary>
    public static WebApplication MapField(this WebApplication app)
    {
        BinhDanHocVuSo.Web.Features.Visits.VisitsApi.MapVisitsApi(app);
        return app;
    }
}
