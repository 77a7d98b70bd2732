using BinhDanHocVuSo.Web.Features.Accounts;
using BinhDanHocVuSo.Web.Features.Survey;
using BinhDanHocVuSo.Web.Hosting;
using BinhDanHocVuSo.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace BinhDanHocVuSo.Web.Tests.Features.Survey;

/// <summary>When a new survey version ships, new responses answer it, and the report of the past version stays available as it was.</summary>
public sealed class SurveyVersionsSpec : IAsyncLifetime
{
    readonly string _assessments = Directory.CreateTempSubdirectory("bdhvs-assessments.").FullName;
    int _past;
    TestDatabase _database = null!;
    Platform _platform = null!;

    public async Task InitializeAsync()
    {
        foreach (var file in Directory.GetFiles(Repository.Path("assessments")))
        {
            File.Copy(file, Path.Combine(_assessments, Path.GetFileName(file)));
        }
        // The newest shipped version becomes the past one: a copy of it ships as the next version.
        _past = Directory.GetFiles(_assessments, "survey-v*.yaml").Max(f => int.Parse(Path.GetFileNameWithoutExtension(f)["survey-v".Length..]));
        var newest = await File.ReadAllTextAsync(Path.Combine(_assessments, $"survey-v{_past}.yaml"));
        await File.WriteAllTextAsync(
            Path.Combine(_assessments, $"survey-v{_past + 1}.yaml"), newest.Replace($"\nversion: {_past}\n", $"\nversion: {_past + 1}\n", StringComparison.Ordinal));
        _database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var settings = Platform.ShippedCourses();
        settings["Content:AssessmentsPath"] = _assessments;
        _platform = new Platform(_database, settings);
    }

    public async Task DisposeAsync()
    {
        await _platform.DisposeAsync();
        await _database.DisposeAsync();
        Directory.Delete(_assessments, recursive: true);
    }

    [Fact]
    public async Task The_report_shows_the_current_version_and_a_past_version_on_request_with_its_own_responses()
    {
        var surveys = _platform.Services.GetRequiredService<SurveySource>();
        var admin = await _platform.SignedInAs(await _platform.CreateAsync(Roles.Admin));
        var past = surveys.Find(surveys.Current!.Id, _past)!;
        for (var i = 0; i < 5; i++)
        {
            await _platform.SubmittedRespondentAsync(version: past);
        }

        var current = await admin.GetStringAsync("/survey/report");
        var earlier = await admin.GetStringAsync($"/survey/report?v={_past}");
        var unknown = await admin.GetAsync("/survey/report?v=99");

        surveys.Current.Version.Should().Be(_past + 1);
        current.Should().Contain($"phiên bản {_past + 1}").And.Contain("Đã trả lời: 0 / 5").And.Contain($"<option value=\"{_past}\">");
        earlier.Should().Contain($"phiên bản {_past}").And.Contain("Đã trả lời: 5 / 5");
        unknown.StatusCode.Should().Be(System.Net.HttpStatusCode.NotFound);
    }
}
