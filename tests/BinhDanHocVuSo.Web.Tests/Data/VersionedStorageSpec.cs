using System.Data.Common;
using BinhDanHocVuSo.Content.Assessments;
using BinhDanHocVuSo.Web.Data;
using BinhDanHocVuSo.Web.Data.Versioned;
using BinhDanHocVuSo.Web.Features.Accounts;
using BinhDanHocVuSo.Web.Features.Courses;
using BinhDanHocVuSo.Web.Features.Learning;
using BinhDanHocVuSo.Web.Features.Survey;
using BinhDanHocVuSo.Web.Hosting;
using BinhDanHocVuSo.Web.Tests.Features.Survey;
using BinhDanHocVuSo.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BinhDanHocVuSo.Web.Tests.Data;

/// <summary>
/// The one store of versioned grain state on each provider: raw rows written and read with the EF Core model's
/// encodings, one version check, and the learner and survey-response grains retrying a stale write once.
/// </summary>
public abstract class VersionedStorageSpec(DatabaseProvider provider) : IAsyncLifetime
{
    TestDatabase _database = null!;
    Platform _platform = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        _platform = new Platform(_database);
        _platform.Browser();
    }

    public async Task DisposeAsync()
    {
        await _platform.DisposeAsync();
        await _database.DisposeAsync();
    }

    AppDbContext Db() => _platform.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();

    // Microseconds at most: PostgreSQL keeps no finer time.
    static readonly DateTime Utc = new DateTime(2026, 11, 23, 2, 3, 4, DateTimeKind.Utc).AddTicks(1_234_560);

    [Fact]
    public async Task Rows_written_by_the_raw_writer_read_back_through_EF_Core_unchanged()
    {
        var learner = new LearnerRow { Id = Guid.NewGuid(), Version = 1, CreatedAt = Utc };
        var started = new CourseEnrolmentRow { LearnerId = learner.Id, CourseSlug = "khoa-mau", StartedAt = Utc };
        var completed = new CourseEnrolmentRow
        {
            LearnerId = learner.Id, CourseSlug = "khoa-mau", StartedAt = Utc, CompletedAt = Utc.AddDays(1), LastLessonSlug = "bai-hai",
        };
        var day = new LearnerDayRow { LearnerId = learner.Id, Day = new DateOnly(2026, 11, 23) };
        var response = new SurveyResponseRow
        {
            Id = Guid.NewGuid(), RespondentId = Guid.NewGuid(), SurveyId = "khao-sat", SurveyVersion = 2, Commune = People.Commune,
            RoleId = "office", AgeBandId = "40-49", LastPage = 3, StartedAt = Utc, UpdatedAt = Utc, SubmittedAt = null, Version = 1,
            ItemValues = [1, 2, 3], Tally = null, TooFast = true,
        };
        await using (var db = Db())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await using (var writer = new RowWriter(db))
            {
                await writer.InsertAsync(learner);
                await writer.UpsertAsync(started);
                await writer.UpsertAsync(completed);
                await writer.InsertAsync(day);
                await writer.InsertAsync(response);
            }
            await transaction.CommitAsync();
        }

        await using var read = Db();
        var readLearner = await read.Learners.AsNoTracking().SingleAsync(l => l.Id == learner.Id);
        readLearner.Should().BeEquivalentTo(learner);
        (await read.CourseEnrolments.AsNoTracking().SingleAsync(e => e.LearnerId == learner.Id))
            .Should().BeEquivalentTo(completed, "the second write of the same course replaces the first");
        (await read.LearnerDays.AsNoTracking().SingleAsync(d => d.LearnerId == learner.Id && d.Day == day.Day)).Should().BeEquivalentTo(day);
        (await read.SurveyResponses.AsNoTracking().SingleAsync(r => r.Id == response.Id && r.RespondentId == response.RespondentId))
            .Should().BeEquivalentTo(response);
    }

    [Fact]
    public async Task A_raw_read_finds_the_rows_EF_Core_wrote_by_id_and_by_submission_time()
    {
        Guid Id(string first) => Guid.Parse($"{first}-0000-4000-8000-000000000001");
        SurveyResponseRow Row(Guid id, DateTime? submitted) => new()
        {
            Id = id, RespondentId = Guid.NewGuid(), SurveyId = "khao-sat", SurveyVersion = 1, Commune = People.Commune, RoleId = "office",
            AgeBandId = "40-49", StartedAt = Utc, UpdatedAt = Utc, SubmittedAt = submitted, Version = 1,
        };
        await using var db = Db();
        db.SurveyResponses.AddRange(
            Row(Id("0fffffff"), Utc), Row(Id("7fffffff"), Utc.AddMinutes(1)), Row(Id("80000000"), Utc.AddMinutes(2)),
            Row(Id("afffffff"), Utc.AddMinutes(3)), Row(Id("ffffffff"), null));
        await db.SaveChangesAsync();

        async Task<long> CountAsync(string where, string parameter, string property, object value)
        {
            await db.Database.OpenConnectionAsync();
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = $"""SELECT COUNT(*) FROM "SurveyResponses" WHERE {where}""";
            ModelParameters.Add(command, db.Property<SurveyResponseRow>(property), parameter, value);
            var count = Convert.ToInt64(await command.ExecuteScalarAsync());
            await db.Database.CloseConnectionAsync();
            return count;
        }

        (await CountAsync("\"Id\" < @middle", "@middle", nameof(SurveyResponseRow.Id), Id("80000000"))).Should().Be(2);
        (await CountAsync("\"Id\" >= @middle", "@middle", nameof(SurveyResponseRow.Id), Id("80000000"))).Should().Be(3);
        (await CountAsync("\"SubmittedAt\" >= @since", "@since", nameof(SurveyResponseRow.SubmittedAt), Utc.AddMinutes(1))).Should().Be(3);
        (await CountAsync("\"SubmittedAt\" >= @since", "@since", nameof(SurveyResponseRow.SubmittedAt), Utc.AddMinutes(1).AddTicks(10)))
            .Should().Be(2, "a microsecond later leaves out the response submitted at that minute");
        var (submitted, latest) = await SurveyStore.SubmittedMarkAsync(db, "khao-sat", 1, [People.Commune]);
        (submitted, latest).Should().Be((4, Utc.AddMinutes(3)));
    }

    [Fact]
    public async Task A_write_based_on_a_version_that_moved_on_is_refused_and_writes_nothing()
    {
        var store = _platform.Services.GetRequiredService<LearnerStore>();
        var id = Guid.NewGuid();
        var first = await store.SaveAsync(id, 0, new LearnerChanges());
        await store.SaveAsync(id, first, new LearnerChanges());
        var stale = new LearnerChanges();
        stale.Days.Add(new LearnerDayRow { LearnerId = id, Day = new DateOnly(2020, 1, 1) });

        var write = () => store.SaveAsync(id, first, stale);
        var createdAgain = () => store.SaveAsync(id, 0, new LearnerChanges());

        (await write.Should().ThrowAsync<StaleStateException>()).Which.BasedOnVersion.Should().Be(first);
        await createdAgain.Should().ThrowAsync<StaleStateException>("the learner exists already");
        var stored = await store.LoadAsync(id);
        stored.Version.Should().Be(2);
        stored.ActiveDays.Should().BeEmpty();
    }

    [Fact]
    public async Task A_refused_write_in_a_batch_does_not_refuse_the_others()
    {
        var store = _platform.Services.GetRequiredService<LearnerStore>();
        var (broken, fine) = (Guid.NewGuid(), Guid.NewGuid());
        var twice = new LearnerChanges();
        twice.Days.AddRange([new LearnerDayRow { LearnerId = broken, Day = new DateOnly(2026, 1, 1) }, new LearnerDayRow { LearnerId = broken, Day = new DateOnly(2026, 1, 1) }]);
        var once = new LearnerChanges();
        once.Days.Add(new LearnerDayRow { LearnerId = fine, Day = new DateOnly(2026, 1, 1) });

        var writes = new[] { store.SaveAsync(broken, 0, twice), store.SaveAsync(fine, 0, once) };
        var failed = async () => await writes[0];

        await failed.Should().ThrowAsync<DbException>();
        (await writes[1]).Should().Be(1);
        (await store.LoadAsync(fine)).ActiveDays.Should().Equal(new DateOnly(2026, 1, 1));
        (await store.LoadAsync(broken)).Version.Should().Be(0, "nothing of the refused write is kept");
    }

    [Fact]
    public async Task A_learner_grain_whose_write_is_stale_reloads_and_applies_its_action_on_the_newer_history()
    {
        var course = _platform.Services.GetRequiredService<ICourseCatalogSource>().Current.Find("khoa-mau")!;
        var id = Guid.NewGuid();
        var grain = _platform.Grains.GetGrain<ILearnerGrain>(id);
        await grain.GetCourseProgress(course.Slug);
        var store = _platform.Services.GetRequiredService<LearnerStore>();
        var behindItsBack = new LearnerChanges();
        behindItsBack.SetEnrolment(new CourseEnrolmentRow { LearnerId = id, CourseSlug = course.Slug, StartedAt = Utc });
        behindItsBack.LessonCompletions.Add(new LessonCompletionRow
        {
            LearnerId = id, CourseSlug = course.Slug, LessonSlug = course.Lessons[1].Slug, LessonVersion = course.Lessons[1].Version, CompletedAt = Utc,
        });
        await store.SaveAsync(id, (await store.LoadAsync(id)).Version, behindItsBack);

        var progress = await grain.CompleteLesson(course.Slug, course.Lessons[0].Slug);

        progress.CompletedLessons.Should().BeEquivalentTo([course.Lessons[0].Slug, course.Lessons[1].Slug]);
        (await store.LoadAsync(id)).Course(course.Slug)!.Lessons.Keys.Should().BeEquivalentTo([course.Lessons[0].Slug, course.Lessons[1].Slug]);
    }

    [Fact]
    public async Task A_survey_response_grain_whose_write_is_stale_reloads_and_applies_its_action_on_the_newer_answers()
    {
        var survey = _platform.Survey();
        var official = await _platform.CreateAsync(Roles.Official);
        var grain = _platform.Grains.SurveyResponse(official.Id, survey.Id, survey.Version);
        var started = await grain.Start(new SurveyBackground(People.Commune, "office", "40-49"));
        var store = _platform.Services.GetRequiredService<SurveyStore>();
        var (_, version) = await store.LoadAsync(official.Id, survey.Id, survey.Version);
        var first = survey.Pages[0].Items[0];
        await store.SaveAsync(
            new SurveyResponseRow
            {
                Id = started.ResponseId!.Value, RespondentId = official.Id, SurveyId = survey.Id, SurveyVersion = survey.Version,
                Commune = People.Commune, RoleId = "office", AgeBandId = "40-49", LastPage = 1, StartedAt = Utc, UpdatedAt = Utc,
            },
            version,
            [new SurveyAnswerRow { ResponseId = started.ResponseId!.Value, ItemId = first.Id, Code = 2, AnsweredAt = Utc }]);
        var second = survey.Pages[1].Items.First(i => i is SelfRatingItem);

        var saved = await grain.SaveAnswers(new SurveyPageAnswers(2, new Dictionary<string, int> { [second.Id] = 1 }, new Dictionary<string, string>(), SecondsOnPage: 30));

        saved.Answers.Keys.Should().BeEquivalentTo([first.Id, second.Id]);
        saved.LastPage.Should().Be(2);
        var (stored, storedVersion) = await store.LoadAsync(official.Id, survey.Id, survey.Version);
        stored.Answers.Keys.Should().BeEquivalentTo([first.Id, second.Id]);
        storedVersion.Should().Be(version + 2);
    }
}

public sealed class VersionedStorageOnSqlite() : VersionedStorageSpec(DatabaseProvider.Sqlite);

public sealed class VersionedStorageOnPostgres() : VersionedStorageSpec(DatabaseProvider.Postgres);
