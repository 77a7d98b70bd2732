using BinhDanHocVuSo.Content.Courses;
using BinhDanHocVuSo.Web.Data;
using BinhDanHocVuSo.Web.Data.Versioned;
using BinhDanHocVuSo.Web.Features.Courses;
using BinhDanHocVuSo.Web.Features.Learning;
using BinhDanHocVuSo.Web.Hosting;
using BinhDanHocVuSo.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BinhDanHocVuSo.Web.Tests.Features.Learning;

/// <summary>
/// The learner grain in a real in-process silo, writing to a real database of each provider: what the rules decided is
/// kept exactly once, survives restarts and concurrent activations. The rules themselves are in <see cref="LearnerRulesSpec"/>.
/// </summary>
public abstract class LearnerGrainSpec(DatabaseProvider provider) : PlatformSpec(provider)
{
    Course _course = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Platform.Browser();
        _course = Platform.Services.GetRequiredService<ICourseCatalogSource>().Current.Find("khoa-mau")!;
    }

    ILearnerGrain NewLearner() => Platform.Grains.GetGrain<ILearnerGrain>(Guid.NewGuid());

    QuizSubmission Submission(Guid attemptId, bool right = true)
    {
        var quiz = _course.Lessons[0].Quiz!;
        return new QuizSubmission(attemptId, _course.Slug, quiz.Id, right ? Answers.AllRight(quiz) : Answers.AllWrong(quiz));
    }

    async Task<int> StoredAttempts(Guid learnerId)
    {
        await using var db = Platform.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();
        return await db.QuizAttempts.CountAsync(a => a.LearnerId == learnerId);
    }

    [Fact]
    public async Task Submitting_the_same_attempt_twice_counts_once_and_returns_the_same_result()
    {
        var learner = NewLearner();
        var attempt = Guid.NewGuid();

        var first = await learner.SubmitQuiz(Submission(attempt, right: false));
        var again = await learner.SubmitQuiz(Submission(attempt, right: true));

        again.Should().BeEquivalentTo(first);
        first.ScorePercent.Should().Be(0);
        (await StoredAttempts(learner.GetPrimaryKey())).Should().Be(1);
        (await learner.GetCourseProgress(_course.Slug)).Quizzes[_course.Lessons[0].Slug].Attempts.Should().Be(1);
    }

    [Fact]
    public async Task An_attempt_id_reused_for_another_quiz_is_refused_and_records_nothing()
    {
        var learner = NewLearner();
        var attempt = Guid.NewGuid();
        await learner.SubmitQuiz(Submission(attempt));

        var reuse = () => learner.SubmitQuiz(new QuizSubmission(attempt, _course.Slug, "final", Answers.AllRight(_course.FinalQuiz!)));

        (await reuse.Should().ThrowAsync<LearningException>()).Which.Problem.Should().Be(LearningProblem.AttemptIdReused);
        (await StoredAttempts(learner.GetPrimaryKey())).Should().Be(1);
        (await learner.GetCourseProgress(_course.Slug)).Quizzes.Keys.Should().Equal(_course.Lessons[0].Quiz!.Id);
    }

    [Fact]
    public async Task A_failed_final_attempt_names_the_wrong_questions_but_no_right_answer_even_when_sent_again()
    {
        var learner = NewLearner();
        var attempt = new QuizSubmission(Guid.NewGuid(), _course.Slug, "final", Answers.AllWrong(_course.FinalQuiz!));

        var failed = await learner.SubmitQuiz(attempt);
        var again = await learner.SubmitQuiz(attempt);

        failed.Passed.Should().BeFalse();
        failed.Questions.Should().OnlyContain(q => !q.IsCorrect && q.RightAnswer.Count == 0);
        again.Should().BeEquivalentTo(failed);
    }

    [Fact]
    public async Task Fifty_concurrent_submissions_for_one_learner_all_land_exactly_once()
    {
        var learner = NewLearner();
        var attempts = Enumerable.Range(0, 50).Select(_ => Guid.NewGuid()).ToList();

        // Every attempt is sent twice at once, as a phone retrying over a flaky network would.
        await Task.WhenAll(attempts.Concat(attempts).Select(a => learner.SubmitQuiz(Submission(a))));

        (await StoredAttempts(learner.GetPrimaryKey())).Should().Be(50);
        var standing = (await learner.GetCourseProgress(_course.Slug)).Quizzes[_course.Lessons[0].Slug];
        standing.Attempts.Should().Be(50);
        standing.BestScorePercent.Should().Be(100);
    }

    [Theory]
    [InlineData("khong-co", "bai-mot", LearningProblem.UnknownCourse)]
    [InlineData("khoa-mau", "khong-co", LearningProblem.UnknownQuiz)]
    public async Task A_submission_for_an_unknown_course_or_quiz_is_refused_and_records_nothing(string course, string quiz, LearningProblem problem)
    {
        var learner = NewLearner();

        var submit = () => learner.SubmitQuiz(new QuizSubmission(Guid.NewGuid(), course, quiz, new Dictionary<string, IReadOnlyList<string>>()));

        (await submit.Should().ThrowAsync<LearningException>()).Which.Problem.Should().Be(problem);
        (await StoredAttempts(learner.GetPrimaryKey())).Should().Be(0);
    }

    [Fact]
    public async Task A_malformed_answer_is_refused_with_the_question_named_and_records_nothing()
    {
        var learner = NewLearner();
        var answers = new Dictionary<string, IReadOnlyList<string>> { ["b1-1"] = ["a", "b"] };

        var submit = () => learner.SubmitQuiz(new QuizSubmission(Guid.NewGuid(), _course.Slug, "bai-mot", answers));

        var refused = await submit.Should().ThrowAsync<LearningException>();
        refused.Which.Problem.Should().Be(LearningProblem.MalformedAnswer);
        refused.Which.Message.Should().Contain("b1-1");
        (await StoredAttempts(learner.GetPrimaryKey())).Should().Be(0);
    }

    [Fact]
    public async Task A_stale_copy_of_a_learner_cannot_overwrite_newer_history()
    {
        var learner = NewLearner();
        await learner.SubmitQuiz(Submission(Guid.NewGuid()));
        var store = Platform.Services.GetRequiredService<LearnerStore>();
        var current = await store.LoadAsync(learner.GetPrimaryKey());

        await store.SaveAsync(learner.GetPrimaryKey(), current.Version, new LearnerChanges());
        var staleChanges = new LearnerChanges();
        staleChanges.Days.Add(new LearnerDayRow { LearnerId = learner.GetPrimaryKey(), Day = new DateOnly(2020, 1, 1) });
        var staleWrite = () => store.SaveAsync(learner.GetPrimaryKey(), current.Version, staleChanges);

        await staleWrite.Should().ThrowAsync<StaleStateException>();
        (await store.LoadAsync(learner.GetPrimaryKey())).ActiveDays.Should().NotContain(new DateOnly(2020, 1, 1));
    }

    [Fact]
    public async Task Two_silos_writing_for_the_same_learner_lose_nothing()
    {
        // A second, separate silo on the same database: the same learner may be active on both for a moment.
        await using var other = new Platform(Database);
        other.Browser();
        var id = Guid.NewGuid();
        var here = Platform.Grains.GetGrain<ILearnerGrain>(id);
        var there = other.Grains.GetGrain<ILearnerGrain>(id);

        await here.CompleteLesson(_course.Slug, "bai-hai");
        await there.SubmitQuiz(Submission(Guid.NewGuid()));
        await here.SubmitQuiz(Submission(Guid.NewGuid()));

        (await StoredAttempts(id)).Should().Be(2);
        (await here.GetCourseProgress(_course.Slug)).Quizzes[_course.Lessons[0].Slug].Attempts.Should().Be(2);
    }

    [Fact]
    public async Task The_lesson_opened_last_is_kept_with_the_learner_s_next_answer_and_survives_a_restart()
    {
        var id = Guid.NewGuid();
        var learner = Platform.Grains.GetGrain<ILearnerGrain>(id);
        await learner.CompleteLesson(_course.Slug, "bai-hai");
        var standing = await learner.NoteLessonOpened(_course.Slug, "bai-hai");
        var afterOpening = (await learner.GetCourseProgress(_course.Slug)).LastOpenedLessonSlug;

        await learner.SubmitQuiz(Submission(Guid.NewGuid()));
        await Platform.DisposeAsync();
        Platform = new Platform(Database);
        Platform.Browser();

        standing.Should().Be(new LessonStanding(1, _course.Lessons.Count, ThisLessonDone: true));
        afterOpening.Should().Be("bai-hai", "the note is read from the grain's memory at once");
        (await Platform.Grains.GetGrain<ILearnerGrain>(id).GetCourseProgress(_course.Slug)).LastOpenedLessonSlug.Should().Be("bai-hai");
    }

    [Fact]
    public async Task Progress_survives_a_silo_restart()
    {
        var id = Guid.NewGuid();
        await Platform.Grains.GetGrain<ILearnerGrain>(id).SubmitQuiz(Submission(Guid.NewGuid()));
        await Platform.DisposeAsync();

        Platform = new Platform(Database);
        Platform.Browser();
        var progress = await Platform.Grains.GetGrain<ILearnerGrain>(id).GetCourseProgress(_course.Slug);

        progress.CompletedLessons.Should().Equal("bai-mot");
        progress.Quizzes[_course.Lessons[0].Slug].BestScorePercent.Should().Be(100);
    }
}

public sealed class LearnerGrainOnSqlite() : LearnerGrainSpec(DatabaseProvider.Sqlite);

public sealed class LearnerGrainOnPostgres() : LearnerGrainSpec(DatabaseProvider.Postgres);
