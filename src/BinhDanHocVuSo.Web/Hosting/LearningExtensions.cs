namespace BinhDanHocVuSo.Web.Hosting;

public static class LearningExtensions
{
    /// <summary>Learner grains, their store and the guest-learner cookie.</summary>
    public static WebApplicationBuilder AddLearning(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<LearnerStore>();
        builder.Services.AddSingleton<LearnerIdentity>();
        builder.Services.AddSingleton<BinhDanHocVuSo.Web.Features.Courses.QuizForms>();
        builder.Services.AddSingleton<BinhDanHocVuSo.Web.Features.Courses.PracticeForms>();
        builder.Services.AddSingleton<BinhDanHocVuSo.Web.Features.Courses.QuizDrawKey>();
        builder.Services.AddOpenApi();
        return builder;
    }

    public static WebApplication MapLearning(this WebApplication app)
    {
        app.MapOpenApi();
        app.MapLearningApi();
        return app;
    }
}
