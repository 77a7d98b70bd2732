using BinhDanHocVuSo.Web.Features.Field;

namespace BinhDanHocVuSo.Web.Hosting;

/// <summary>The community digital-technology teams' work: villages, teams, targets and progress.</summary>
public static class FieldExtensions
{
    public static WebApplicationBuilder AddField(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<Villages>();
        builder.Services.AddScoped<FieldAccess>();
        builder.Services.AddScoped<FieldProgress>();
        builder.Services.AddScoped<AssistedPeople>();
        builder.Services.AddSingleton<Guiding>();
        return builder;
    }
}
