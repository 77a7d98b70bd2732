using System.Net.Http.Json;
using BinhDanHocVuSo.Web.Features.Courses;
using BinhDanHocVuSo.Web.Features.Learning;
using BinhDanHocVuSo.Web.Hosting;
using BinhDanHocVuSo.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace BinhDanHocVuSo.Web.Tests.Features.Learning;

/// <summary>What a learner did is still there after the platform restarts, on each provider.</summary>
public abstract class LearnerPersistenceSpec(DatabaseProvider provider)
{
    [Fact]
    public async Task A_completed_lesson_is_still_completed_after_a_restart()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        string course, lesson;
        string cookie;
        await using (var before = new Platform(database))
        {
            var catalog = before.Services.GetRequiredService<ICourseCatalogSource>().Current;
            course = catalog.Courses[0].Slug;
            lesson = catalog.Courses[0].Lessons[0].Slug;
            var browser = before.Browser();
            var done = await browser.PostAsync($"/c/{course}/{lesson}?handler=Done", null);
            done.StatusCode.Should().Be(System.Net.HttpStatusCode.Redirect);
            cookie = done.Headers.GetValues("Set-Cookie").First().Split(';')[0];
        }

        await using var after = new Platform(database);
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/progress/{course}");
        request.Headers.Add("Cookie", cookie);
        var response = await after.Browser().SendAsync(request);
        var progress = await response.Content.ReadFromJsonAsync<CourseProgressDto>();

        progress!.Started.Should().BeTrue();
        progress.CompletedLessons.Should().Equal(lesson);
    }

    sealed record CourseProgressDto(string CourseSlug, bool Started, List<string> CompletedLessons);
}

public sealed class LearnerPersistenceOnSqlite() : LearnerPersistenceSpec(DatabaseProvider.Sqlite);

public sealed class LearnerPersistenceOnPostgres() : LearnerPersistenceSpec(DatabaseProvider.Postgres);
