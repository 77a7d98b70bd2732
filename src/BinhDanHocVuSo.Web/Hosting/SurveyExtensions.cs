using BinhDanHocVuSo.Web.Features.Survey;

namespace BinhDanHocVuSo.Web.Hosting;

public static class SurveyExtensions
{
    /// <summary>The competency survey: its definitions, the response store behind the response grains, the report queries, the reports built, and the province's report built at start (the platform is ready once it is).</summary>
    public static WebApplicationBuilder AddSurvey(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<SurveySource>();
        builder.Services.AddSingleton<SurveyStore>();
        builder.Services.AddScoped<SurveyReports>();
        builder.Services.AddSingleton<SurveyReportCache>();
        builder.Services.AddSingleton<SurveyReportWarmUp>();
        builder.Services.AddHostedService(services => services.GetRequiredService<SurveyReportWarmUp>());
        builder.Services.AddHealthChecks().AddCheck<SurveyReportWarmUpCheck>("survey-report", tags: [HealthExtensions.ReadyTag]);
        return builder;
    }
}
