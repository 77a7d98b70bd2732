using BinhDanHocVuSo.Web.Features.Offline;

if (args is ["validate", ..])
{
    return ValidateCommand.Run(args[1..]);
}

try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddData();
    builder.AddAccounts();
    builder.AddCourseEngine();
    builder.AddSilo();
    builder.AddLearning();
    builder.AddSurvey();
    builder.AddField();
    builder.AddPosters();
    builder.AddWebUi();

    var app = builder.Build();
    if (args is ["create-admin", ..])
    {
        return await CreateAdminCommand.RunAsync(app, args[1..]);
    }
    app.UseWebUi();
    app.UseAccounts();
    app.MapHealth();
    app.MapCourses();
    app.MapLearning();
    app.MapPosters();
    app.MapField();
    app.MapOffline();
    app.MapDiagnostics();
    await app.RunAsync();
    return 0;
}
catch (Exception e) when (StartupErrors.Describe(e) is { } problem)
{
    Console.Error.WriteLine($"BinhDanHocVuSo could not start: {problem}");
    return 2;
}

public partial class Program;
