using BinhDanHocVuSo.Content.Courses;
using BinhDanHocVuSo.Web.Data;
using BinhDanHocVuSo.Web.Features.Courses;
using BinhDanHocVuSo.Web.Features.Learning;
using BinhDanHocVuSo.Web.Hosting;
using BinhDanHocVuSo.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BinhDanHocVuSo.Web.Tests.Features.Learning;

/// <summary>
/// Practice runs through the learner grain in a real in-process silo, on a real database of each provider: a run sent
/// again (an offline queue resending it, a double tap) is kept once, and what was recorded survives a silo restart. The
/// practice test course (TestData/practice-courses): lesson "tra-tien" has the simulation "tra-tien-qr" (path "0.0" the
/// right way, "0.1" the trap on the confirmation screen) and a quiz. The rules themselves are in
/// <see cref="LearnerRulesPracticeSpec"/>.
/// </summary>
public abstract class PracticeRunsGrainSpec(DatabaseProvider provider) : PlatformSpec(provider, Settings)
{
    const string Practice = "tra-tien-qr";
    static readonly Dictionary<string, string?> Settings = new()
    {
        ["Content:CoursesPath"] = Repository.Path("tests/BinhDanHocVuSo.Web.Tests/TestData/practice-courses"),
    };

    Course _course = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Platform.Browser();
        _course = Platform.Services.GetRequiredService<ICourseCatalogSource>().Current.Find("tap-duot")!;
    }

    PracticeRunSubmission Run(Guid runId, string steps) => new(runId, _course.Slug, Practice, steps);

    async Task<int> StoredRuns(Guid learnerId)
    {
        await using var db = Platform.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();
        return await db.PracticeRuns.CountAsync(r => r.LearnerId == learnerId);
    }

    Task TryTheQuiz(ILearnerGrain learner)
    {
        var quiz = _course.Lessons[0].Quiz!;
        return learner.SubmitQuiz(new QuizSubmission(Guid.NewGuid(), _course.Slug, quiz.Id, Answers.AllRight(quiz)));
    }

    void Restart()
    {
        Platform = new Platform(Database, Settings);
        Platform.Browser();
    }

    [Fact]
    public async Task The_same_run_sent_twice_is_kept_once_and_answered_with_the_first_result()
    {
        var learner = Platform.Grains.GetGrain<ILearnerGrain>(Guid.NewGuid());
        var runId = Guid.NewGuid();

        var first = await learner.RecordPractice(Run(runId, "0.0"));
        var replay = await learner.RecordPractice(Run(runId, "0.0"));
        var tamperedReplay = await learner.RecordPractice(Run(runId, "0.1"));

        first.Passed.Should().BeTrue();
        replay.Should().BeEquivalentTo(first, "an offline queue sending the run again changes nothing");
        tamperedReplay.Should().BeEquivalentTo(first, "the first report of a run is what counts");
        (await StoredRuns(learner.GetPrimaryKey())).Should().Be(1);
        (await learner.GetCourseProgress(_course.Slug)).Practices![Practice].Should().Be(new PracticeStanding(Passed: true, Runs: 1));
    }

    [Fact]
    public async Task Runs_each_sent_twice_at_once_all_land_exactly_once()
    {
        var learner = Platform.Grains.GetGrain<ILearnerGrain>(Guid.NewGuid());
        var runs = Enumerable.Range(0, 20).Select(i => Run(Guid.NewGuid(), i % 2 == 0 ? "0.1" : "0.0")).ToList();

        // A phone on a flaky network retries while the first request is still on its way.
        await Task.WhenAll(runs.Concat(runs).Select(learner.RecordPractice));

        (await StoredRuns(learner.GetPrimaryKey())).Should().Be(20);
        (await learner.GetCourseProgress(_course.Slug)).Practices![Practice].Should().Be(new PracticeStanding(Passed: true, Runs: 20));
    }

    [Fact]
    public async Task A_run_and_the_lesson_it_finished_survive_a_silo_restart_and_a_replay_after_it_still_counts_once()
    {
        var id = Guid.NewGuid();
        var learner = Platform.Grains.GetGrain<ILearnerGrain>(id);
        var trapped = await learner.RecordPractice(Run(Guid.NewGuid(), "0.1"));
        await TryTheQuiz(learner);
        var passedId = Guid.NewGuid();
        var passed = await learner.RecordPractice(Run(passedId, "0.0"));
        await Platform.DisposeAsync();

        Restart();
        var after = Platform.Grains.GetGrain<ILearnerGrain>(id);
        var progress = await after.GetCourseProgress(_course.Slug);
        var replay = await after.RecordPractice(Run(passedId, "0.0"));

        passed.LessonCompleted.Should().BeTrue("the quiz was tried and now the simulation is passed");
        progress.CompletedLessons.Should().Equal("tra-tien");
        progress.Practices![Practice].Should().Be(new PracticeStanding(Passed: true, Runs: 2));
        replay.Should().BeEquivalentTo(passed, "the run is read back from the database with what it came to");
        (await StoredRuns(id)).Should().Be(2);
        await using var db = Platform.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();
        (await db.PracticeRuns.SingleAsync(r => r.RunId == trapped.RunId)).Passed.Should().BeFalse();
        trapped.Misses.Should().Equal("quet-ma/1");
    }

    [Fact]
    public async Task A_run_into_a_trap_after_a_restart_keeps_the_trap_it_ended_in()
    {
        var id = Guid.NewGuid();
        var runId = Guid.NewGuid();
        await Platform.Grains.GetGrain<ILearnerGrain>(id).RecordPractice(Run(runId, "1"));
        await Platform.DisposeAsync();

        Restart();
        var replay = await Platform.Grains.GetGrain<ILearnerGrain>(id).RecordPractice(Run(runId, "1"));

        replay.Passed.Should().BeFalse();
        replay.Misses.Should().Equal("trang-chu/1");
        (await Platform.Grains.GetGrain<ILearnerGrain>(id).GetCourseProgress(_course.Slug)).CompletedLessons.Should().BeEmpty();
    }
}

public sealed class PracticeRunsGrainOnSqlite() : PracticeRunsGrainSpec(DatabaseProvider.Sqlite);

public sealed class PracticeRunsGrainOnPostgres() : PracticeRunsGrainSpec(DatabaseProvider.Postgres);
