using BinhDanHocVuSo.Content.Competences;
using BinhDanHocVuSo.Web.Features.Courses;
using BinhDanHocVuSo.Web.Features.Survey;
using BinhDanHocVuSo.Web.Hosting;
using BinhDanHocVuSo.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace BinhDanHocVuSo.Web.Tests.Hosting;

/// <summary>The competence model is read once at start: the course catalogue and the survey refer to the same instance.</summary>
public sealed class CompetenceModelSpec : IAsyncLifetime
{
    TestDatabase _database = null!;
    Platform _platform = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        _platform = new Platform(_database, Platform.ShippedCourses());
    }

    public async Task DisposeAsync()
    {
        await _platform.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public void The_catalogue_and_the_survey_share_the_one_competence_model()
    {
        var model = _platform.Services.GetRequiredService<CompetenceModel>();

        model.Competences.Should().NotBeEmpty();
        _platform.Services.GetRequiredService<ICourseCatalogSource>().Competences.Should().BeSameAs(model);
        _platform.Services.GetRequiredService<SurveySource>().Competences.Should().BeSameAs(model);
    }
}
