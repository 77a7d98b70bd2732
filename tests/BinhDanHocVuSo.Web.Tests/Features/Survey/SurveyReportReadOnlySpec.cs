using BinhDanHocVuSo.Web.Data;
using BinhDanHocVuSo.Web.Features.Accounts;
using BinhDanHocVuSo.Web.Features.Survey;
using BinhDanHocVuSo.Web.Hosting;
using BinhDanHocVuSo.Web.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BinhDanHocVuSo.Web.Tests.Features.Survey;

/// <summary>
/// Reading the survey report writes nothing, not even scores of responses counted with another definition: SQLite's
/// <c>PRAGMA data_version</c>, read on a connection of its own, moves whenever any other connection commits a write.
/// </summary>
public sealed class SurveyReportReadOnlySpec : IAsyncLifetime
{
    TestDatabase _database = null!;
    Platform _platform = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        _platform = new Platform(_database, Platform.ShippedCourses());
        await _platform.Services.GetRequiredService<SurveyReportWarmUp>().Built.WaitAsync(TimeSpan.FromMinutes(1));
    }

    public async Task DisposeAsync()
    {
        await _platform.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task A_report_request_writes_nothing_even_when_responses_have_no_kept_scores()
    {
        var admin = await _platform.SignedInAs(await _platform.CreateAsync(Roles.Admin));
        for (var i = 0; i < 3; i++)
        {
            await _platform.SubmittedRespondentAsync(code: 0);
        }
        await using (var db = _platform.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext())
        {
            await db.SurveyResponses.ExecuteUpdateAsync(set => set.SetProperty(r => r.ScoredWith, "an-earlier-definition"));
        }
        await using var watcher = new SqliteConnection(_database.ConnectionString);
        await watcher.OpenAsync();
        async Task<long> DataVersionAsync()
        {
            await using var command = watcher.CreateCommand();
            command.CommandText = "PRAGMA data_version";
            return (long)(await command.ExecuteScalarAsync())!;
        }
        var before = await DataVersionAsync();

        var report = await admin.GetAsync("/survey/report");
        var csv = await admin.GetAsync("/survey/report?handler=csv&by=commune");

        report.EnsureSuccessStatusCode();
        csv.EnsureSuccessStatusCode();
        (await report.Content.ReadAsStringAsync()).Should().Contain("Đã trả lời: 3 / 3");
        (await DataVersionAsync()).Should().Be(before);
    }
}
