using System.Security.Cryptography;
using BinhDanHocVuSo.Content.Competences;
using BinhDanHocVuSo.Content.Courses;
using BinhDanHocVuSo.Content.Quizzes;
using BinhDanHocVuSo.Web.Features.Courses;
using BinhDanHocVuSo.Web.Features.Learning;
using BinhDanHocVuSo.Web.Hosting;
using BinhDanHocVuSo.Web.Tests.Support;

namespace BinhDanHocVuSo.Web.Tests.Features.Learning;

/// <summary>
/// The learner's rules on their own: no silo, no web host, no database. The sample course has two lessons ("bai-mot"
/// with a quiz of three questions, "bai-hai" without) and a final quiz of two questions; its pass mark is 80 %.
/// </summary>
public sealed class LearnerRulesSpec
{
    static readonly CourseCatalog Catalog = CourseLoader.Load(
        Repository.Path("tests/BinhDanHocVuSo.Web.Tests/TestData/courses"), CompetenceModel.Load(Repository.Path("assessments/competences.yaml")));

    static readonly Course Course = Catalog.Find("khoa-mau")!;
    static readonly Lesson First = Course.Lessons[0];
    static readonly Lesson Second = Course.Lessons[1];
    static readonly Quiz LessonQuiz = First.Quiz!;
    static readonly Quiz Final = Course.FinalQuiz!;

    /// <summary>Draws under a key of the specs' own (the server keeps its key in the database).</summary>
    internal static readonly QuizDraws Draws = new(SHA256.HashData("khoá của các đặc tả"u8));

    // 10:00 in Vietnam on Wednesday 2 December 2026.
    static readonly DateTime Wednesday = new(2026, 12, 2, 3, 0, 0, DateTimeKind.Utc);

    static QuizSubmission Attempt(Quiz quiz, bool right, Guid? id = null) =>
        new(id ?? Guid.NewGuid(), Course.Slug, quiz.Id, right ? Answers.AllRight(quiz) : Answers.AllWrong(quiz));

    static LearnerState Do(LearnerState state, params Func<LearnerState, LearnerDecision>[] actions) =>
        actions.Aggregate(state, (s, action) => action(s).State);

    static LearnerState Submit(LearnerState state, QuizSubmission submission, DateTime at) =>
        LearnerRules.SubmitQuiz(state, Course, submission, Draws, at).Decision.State;

    static LearnerState AllLessonsDone(DateTime at) => Do(LearnerState.New,
        s => LearnerRules.CompleteLesson(s, Course, First, at),
        s => LearnerRules.CompleteLesson(s, Course, Second, at));

    [Fact]
    public void The_first_step_in_a_course_starts_it_and_counts_as_a_day_of_learning()
    {
        var decision = LearnerRules.CompleteLesson(LearnerState.New, Course, Second, Wednesday);

        decision.Events.Should().Equal(new CourseStarted(Course.Slug, Wednesday),
            new LessonCompleted(Course.Slug, Second.Slug, Second.Version, Wednesday), new DayActive(new DateOnly(2026, 12, 2)));
        decision.State.Courses[Course.Slug].StartedAt.Should().Be(Wednesday);
    }

    [Fact]
    public void A_course_starts_once_and_keeps_its_first_start()
    {
        var started = LearnerRules.CompleteLesson(LearnerState.New, Course, Second, Wednesday).State;

        var later = LearnerRules.CompleteLesson(started, Course, First, Wednesday.AddHours(1));

        later.Events.OfType<CourseStarted>().Should().BeEmpty();
        later.State.Courses[Course.Slug].StartedAt.Should().Be(Wednesday);
    }

    [Fact]
    public void Opening_a_lesson_starts_its_course_and_makes_the_lesson_its_continue_here()
    {
        var decision = LearnerRules.OpenLesson(LearnerState.New, Course, Second, Wednesday);

        decision.Events.Should().ContainEquivalentOf(new LessonOpened(Course.Slug, Second.Slug, Wednesday));
        LearnerRules.Progress(decision.State, Course).Should().Match<CourseProgress>(p => p.Started && p.LastOpenedLessonSlug == Second.Slug);
    }

    [Fact]
    public void Opening_the_same_lesson_again_the_same_day_changes_nothing()
    {
        var opened = LearnerRules.OpenLesson(LearnerState.New, Course, First, Wednesday).State;

        LearnerRules.OpenLesson(opened, Course, First, Wednesday.AddMinutes(5)).Changed.Should().BeFalse();
    }

    [Fact]
    public void Completing_a_lesson_keeps_the_version_of_the_lesson_that_was_read()
    {
        var state = LearnerRules.CompleteLesson(LearnerState.New, Course, Second, Wednesday).State;

        state.Courses[Course.Slug].Lessons[Second.Slug].Should().Be(new LessonDone(Second.Version, Wednesday));
    }

    [Fact]
    public void Completing_a_lesson_twice_records_it_once()
    {
        var once = LearnerRules.CompleteLesson(LearnerState.New, Course, Second, Wednesday).State;

        LearnerRules.CompleteLesson(once, Course, Second, Wednesday.AddHours(2)).Changed.Should().BeFalse();
    }

    [Fact]
    public void A_course_with_a_final_quiz_is_not_complete_while_the_final_quiz_is_not_passed()
    {
        var state = Submit(AllLessonsDone(Wednesday), Attempt(Final, right: false), Wednesday);

        LearnerRules.Progress(state, Course).CompletedAt.Should().BeNull();
    }

    [Fact]
    public void A_course_is_complete_when_every_lesson_is_done_and_the_final_quiz_is_passed()
    {
        var passedAt = Wednesday.AddHours(1);
        var state = Submit(AllLessonsDone(Wednesday), Attempt(Final, right: true), passedAt);

        LearnerRules.Progress(state, Course).CompletedAt.Should().Be(passedAt);
    }

    [Fact]
    public void A_passed_final_quiz_completes_the_course_later_when_the_last_lesson_is_done()
    {
        var state = Do(Submit(LearnerState.New, Attempt(Final, right: true), Wednesday),
            s => LearnerRules.CompleteLesson(s, Course, First, Wednesday.AddHours(1)));
        var lastLessonAt = Wednesday.AddHours(2);

        var decision = LearnerRules.CompleteLesson(state, Course, Second, lastLessonAt);

        decision.Events.Should().ContainEquivalentOf(new CourseCompleted(Course.Slug, lastLessonAt));
    }

    [Fact]
    public void A_course_is_completed_once_and_keeps_its_first_completion_time()
    {
        var passedAt = Wednesday.AddHours(1);
        var completed = Submit(AllLessonsDone(Wednesday), Attempt(Final, right: true), passedAt);

        var again = Submit(completed, Attempt(Final, right: true), passedAt.AddDays(1));

        LearnerRules.Progress(again, Course).CompletedAt.Should().Be(passedAt);
    }

    [Fact]
    public void The_attempt_that_completes_the_course_says_so_and_later_attempts_do_not()
    {
        var (first, completing) = LearnerRules.SubmitQuiz(AllLessonsDone(Wednesday), Course, Attempt(Final, right: true), Draws, Wednesday);
        var (_, later) = LearnerRules.SubmitQuiz(first.State, Course, Attempt(Final, right: true), Draws, Wednesday.AddHours(1));

        completing.CourseCompleted.Should().BeTrue();
        later.CourseCompleted.Should().BeFalse();
        first.State.Attempts[completing.AttemptId].CourseCompleted.Should().BeTrue("the kept attempt says so too");
    }

    [Fact]
    public void Trying_a_lesson_quiz_finishes_the_lesson_even_with_every_answer_wrong()
    {
        var state = Submit(LearnerState.New, Attempt(LessonQuiz, right: false), Wednesday);

        LearnerRules.Progress(state, Course).CompletedLessons.Should().Equal(First.Slug);
    }

    [Fact]
    public void An_attempt_sent_again_returns_its_first_result_and_decides_nothing()
    {
        var attempt = Attempt(LessonQuiz, right: true);
        var (first, result) = LearnerRules.SubmitQuiz(LearnerState.New, Course, attempt, Draws, Wednesday);

        var (again, resent) = LearnerRules.SubmitQuiz(first.State, Course, attempt with { Answers = Answers.AllWrong(LessonQuiz) }, Draws, Wednesday.AddMinutes(1));

        again.Changed.Should().BeFalse();
        resent.Should().BeSameAs(first.State.Attempts[attempt.AttemptId], "the kept result is returned, not graded again");
        resent.ScorePercent.Should().Be(result.ScorePercent);
    }

    [Fact]
    public void The_same_attempt_id_sent_for_another_quiz_is_refused()
    {
        var id = Guid.NewGuid();
        var state = Submit(LearnerState.New, Attempt(LessonQuiz, right: true, id), Wednesday);

        var reuse = () => LearnerRules.SubmitQuiz(state, Course, Attempt(Final, right: true, id), Draws, Wednesday);

        reuse.Should().Throw<LearningException>().Where(e => e.Problem == LearningProblem.AttemptIdReused);
    }

    [Fact]
    public void A_malformed_answer_is_refused_naming_the_question()
    {
        var submission = Attempt(LessonQuiz, right: true) with
        {
            Answers = new Dictionary<string, IReadOnlyList<string>> { ["b1-1"] = ["khong-co"] },
        };

        var submit = () => LearnerRules.SubmitQuiz(LearnerState.New, Course, submission, Draws, Wednesday);

        submit.Should().Throw<LearningException>().Where(e => e.Problem == LearningProblem.MalformedAnswer && e.Subject == "b1-1");
    }

    [Fact]
    public void An_unknown_quiz_is_refused()
    {
        var submit = () => LearnerRules.SubmitQuiz(LearnerState.New, Course, Attempt(LessonQuiz, right: true) with { QuizId = "khong-co" }, Draws, Wednesday);

        submit.Should().Throw<LearningException>().Where(e => e.Problem == LearningProblem.UnknownQuiz && e.Subject == "khong-co");
    }

    [Fact]
    public void An_unanswered_question_counts_as_wrong()
    {
        var submission = Attempt(LessonQuiz, right: true) with
        {
            Answers = Answers.AllRight(LessonQuiz).Where(a => a.Key != "b1-3").ToDictionary(),
        };

        var (_, result) = LearnerRules.SubmitQuiz(LearnerState.New, Course, submission, Draws, Wednesday);

        (result.Correct, result.Total, result.ScorePercent).Should().Be((2, 3, 67));
        result.Questions.Single(q => q.QuestionId == "b1-3").Should().Match<QuestionResult>(q => !q.IsCorrect && q.Chosen.Count == 0);
    }

    [Fact]
    public void An_attempt_passes_from_the_course_pass_mark()
    {
        var halfRight = Attempt(Final, right: true) with
        {
            Answers = new Dictionary<string, IReadOnlyList<string>> { [Final.Questions[0].Id] = Final.Questions[0].RightOptionIds },
        };

        var (_, result) = LearnerRules.SubmitQuiz(LearnerState.New, Course, halfRight, Draws, Wednesday);

        result.ScorePercent.Should().Be(50);
        result.Passed.Should().BeFalse("the pass mark is 80 %");
    }

    [Fact]
    public void A_failed_final_quiz_says_which_questions_were_wrong_but_not_the_right_answers_feedback_or_explanations()
    {
        var (_, result) = LearnerRules.SubmitQuiz(LearnerState.New, Course, Attempt(Final, right: false), Draws, Wednesday);

        result.Questions.Should().AllSatisfy(q =>
        {
            q.IsCorrect.Should().BeFalse();
            q.Chosen.Should().NotBeEmpty();
            q.RightAnswer.Should().BeEmpty();
            q.FeedbackHtml.Should().BeEmpty();
            q.ExplanationHtml.Should().BeNull();
        });
    }

    [Fact]
    public void A_passed_final_quiz_shows_the_right_answers_and_explanations()
    {
        var (_, result) = LearnerRules.SubmitQuiz(LearnerState.New, Course, Attempt(Final, right: true), Draws, Wednesday);

        result.Questions.Should().AllSatisfy(q =>
        {
            q.RightAnswer.Should().NotBeEmpty();
            q.ExplanationHtml.Should().NotBeNullOrEmpty();
        });
    }

    [Fact]
    public void A_lesson_quiz_shows_right_answers_feedback_and_explanations_even_when_failed()
    {
        var (_, result) = LearnerRules.SubmitQuiz(LearnerState.New, Course, Attempt(LessonQuiz, right: false), Draws, Wednesday);

        var first = result.Questions.Single(q => q.QuestionId == "b1-1");
        first.RightAnswer.Should().NotBeEmpty();
        first.FeedbackHtml.Should().ContainSingle().Which.Should().Contain("ai có mã OTP");
        first.ExplanationHtml.Should().Contain("Không đưa mã OTP");
    }

    [Fact]
    public void A_resent_failed_final_attempt_still_hides_the_right_answers()
    {
        var attempt = Attempt(Final, right: false);
        var state = Submit(LearnerState.New, attempt, Wednesday);

        var (_, resent) = LearnerRules.SubmitQuiz(state, Course, attempt, Draws, Wednesday);

        resent.Questions.Should().AllSatisfy(q => q.RightAnswer.Should().BeEmpty());
    }

    [Fact]
    public void Days_in_a_row_are_Vietnamese_calendar_days()
    {
        // 23:30 UTC on Tuesday is 06:30 on Wednesday in Vietnam.
        var tuesdayNightUtc = new DateTime(2026, 12, 1, 23, 30, 0, DateTimeKind.Utc);
        var state = LearnerRules.OpenLesson(LearnerState.New, Course, First, tuesdayNightUtc).State;

        state.ActiveDays.Should().Equal(new DateOnly(2026, 12, 2));
    }

    [Fact]
    public void Days_in_a_row_count_back_from_today_or_yesterday_and_stop_at_a_missed_day()
    {
        var state = Do(LearnerState.New,
            s => LearnerRules.CompleteLesson(s, Course, First, Wednesday.AddDays(-4)),
            s => LearnerRules.CompleteLesson(s, Course, Second, Wednesday.AddDays(-2)),
            s => LearnerRules.OpenLesson(s, Course, First, Wednesday.AddDays(-1)));

        LearnerRules.Overview(state, Catalog, new DateOnly(2026, 12, 2)).DaysActiveInARow.Should().Be(2, "Monday and Tuesday; Sunday was missed");
        LearnerRules.Overview(state, Catalog, new DateOnly(2026, 12, 4)).DaysActiveInARow.Should().Be(0, "Wednesday was missed too");
    }

    [Fact]
    public void Lessons_this_week_count_from_Monday()
    {
        var state = Do(LearnerState.New,
            s => LearnerRules.CompleteLesson(s, Course, First, Wednesday.AddDays(-3)),
            s => LearnerRules.CompleteLesson(s, Course, Second, Wednesday.AddDays(-2)));

        LearnerRules.Overview(state, Catalog, new DateOnly(2026, 12, 2)).LessonsThisWeek.Should().Be(1, "Sunday's lesson was last week");
    }

    [Fact]
    public void Continue_points_at_the_next_unfinished_lesson_of_the_unfinished_course()
    {
        var state = LearnerRules.CompleteLesson(LearnerState.New, Course, First, Wednesday).State;

        var overview = LearnerRules.Overview(state, Catalog, new DateOnly(2026, 12, 2));

        (overview.ContinueCourseSlug, overview.ContinueLessonSlug).Should().Be((Course.Slug, Second.Slug));
    }

    [Fact]
    public void A_completed_course_is_not_offered_to_continue()
    {
        var state = Submit(AllLessonsDone(Wednesday), Attempt(Final, right: true), Wednesday);

        LearnerRules.Overview(state, Catalog, new DateOnly(2026, 12, 2)).ContinueCourseSlug.Should().BeNull();
    }

    [Fact]
    public void A_missed_objective_is_due_for_review_the_next_day_not_the_same_day()
    {
        var missed = Submit(LearnerState.New, Attempt(LessonQuiz, right: false), Wednesday);

        LearnerRules.Overview(missed, Catalog, new DateOnly(2026, 12, 2)).Review.Should().BeEmpty("a review comes back the day after the miss");
        LearnerRules.Overview(missed, Catalog, new DateOnly(2026, 12, 3)).Review
            .Should().BeEquivalentTo(new[] { "b1-1", "b1-2", "b1-3" }.Select(id => new ReviewSuggestion(Course.Slug, LessonQuiz.Id, id, id, First.Slug, new DateOnly(2026, 12, 3), 1)));
    }

    [Fact]
    public void A_lesson_opened_the_day_after_a_miss_asks_its_draw_for_the_missed_objectives()
    {
        var missed = Submit(LearnerState.New, Attempt(LessonQuiz, right: false), Wednesday);

        LearnerRules.DueObjectives(missed, Catalog, Course.Slug, LessonQuiz.Id, new DateOnly(2026, 12, 2)).Should().BeEmpty();
        LearnerRules.DueObjectives(missed, Catalog, Course.Slug, LessonQuiz.Id, new DateOnly(2026, 12, 3)).Should().BeEquivalentTo("b1-1", "b1-2", "b1-3");
        LearnerRules.DueObjectives(missed, Catalog, Course.Slug, "final", new DateOnly(2026, 12, 3)).Should().BeEmpty("only the quiz missed comes back");
    }

    [Fact]
    public void Reviews_answered_right_come_back_after_1_3_7_and_14_days_and_then_no_more()
    {
        var state = Submit(LearnerState.New, Attempt(LessonQuiz, right: false), Wednesday);
        var day = Wednesday;
        var dueDays = new List<int>();
        foreach (var interval in LearnerRules.ReviewIntervals)
        {
            day = day.AddDays(interval);
            var today = VietnamClock.DayOf(day);
            LearnerRules.Reviews(state, Catalog, today.AddDays(-1)).Should().BeEmpty($"nothing is due before {today}");
            var due = LearnerRules.Reviews(state, Catalog, today);
            due.Should().HaveCount(3).And.OnlyContain(r => r.DueOn == today && r.IntervalDays == interval);
            dueDays.Add(today.DayNumber - VietnamClock.DayOf(Wednesday).DayNumber);
            state = Submit(state, Attempt(LessonQuiz, right: true), day);
        }

        dueDays.Should().Equal(1, 4, 11, 25);
        LearnerRules.Reviews(state, Catalog, VietnamClock.DayOf(day).AddDays(100)).Should().BeEmpty("right four times in a row: learnt");
    }

    [Fact]
    public void A_review_answered_wrong_starts_again_at_one_day_and_one_answered_early_changes_nothing()
    {
        var missed = Submit(LearnerState.New, Attempt(LessonQuiz, right: false), Wednesday);
        var rightOnTime = Submit(missed, Attempt(LessonQuiz, right: true), Wednesday.AddDays(1));
        var rightEarly = Submit(rightOnTime, Attempt(LessonQuiz, right: true), Wednesday.AddDays(2));
        var wrongAgain = Submit(rightEarly, Attempt(LessonQuiz, right: false), Wednesday.AddDays(4));

        LearnerRules.Reviews(rightEarly, Catalog, new DateOnly(2026, 12, 6)).Should().OnlyContain(r => r.IntervalDays == 3, "due 3 days after the right review of Thursday");
        LearnerRules.Reviews(wrongAgain, Catalog, new DateOnly(2026, 12, 6)).Should().BeEmpty("missed again on Sunday: back on Monday");
        LearnerRules.Reviews(wrongAgain, Catalog, new DateOnly(2026, 12, 7)).Should().HaveCount(3).And.OnlyContain(r => r.IntervalDays == 1);
    }

    [Fact]
    public void A_lesson_is_mastered_by_a_pass_on_a_fresh_draw_not_by_answering_a_draw_already_graded()
    {
        var draw = Guid.NewGuid();
        var failed = Submit(LearnerState.New, Attempt(LessonQuiz, right: false) with { DrawId = draw }, Wednesday);
        var sameDrawPassed = Submit(failed, Attempt(LessonQuiz, right: true) with { DrawId = draw }, Wednesday.AddMinutes(5));
        var freshDrawPassed = Submit(sameDrawPassed, Attempt(LessonQuiz, right: true) with { DrawId = Guid.NewGuid() }, Wednesday.AddMinutes(10));

        LearnerRules.IsMastered(failed, Course, First).Should().BeFalse();
        LearnerRules.IsMastered(sameDrawPassed, Course, First).Should().BeFalse("the same page answered again, after seeing its result, is practice");
        LearnerRules.IsMastered(freshDrawPassed, Course, First).Should().BeTrue();
        LearnerRules.Progress(freshDrawPassed, Course).MasteredLessons.Should().Equal(First.Slug);
        LearnerRules.Progress(sameDrawPassed, Course).MasteredLessons.Should().BeEmpty();
    }

    [Fact]
    public void A_first_pass_masters_the_lesson_and_a_lesson_without_a_quiz_is_mastered_once_done()
    {
        var passed = Submit(LearnerState.New, Attempt(LessonQuiz, right: true), Wednesday);
        var secondDone = LearnerRules.CompleteLesson(passed, Course, Second, Wednesday).State;

        LearnerRules.IsMastered(passed, Course, First).Should().BeTrue();
        LearnerRules.IsMastered(passed, Course, Second).Should().BeFalse();
        LearnerRules.IsMastered(secondDone, Course, Second).Should().BeTrue();
    }

    [Fact]
    public void The_attempt_keeps_its_draw_id_and_a_client_without_one_drew_with_its_attempt_id()
    {
        var attempt = Attempt(LessonQuiz, right: true);
        var draw = Guid.NewGuid();

        LearnerRules.SubmitQuiz(LearnerState.New, Course, attempt with { DrawId = draw }, Draws, Wednesday).Result.Draw.Should().Be(draw);
        LearnerRules.SubmitQuiz(LearnerState.New, Course, attempt, Draws, Wednesday).Result.Draw.Should().Be(attempt.AttemptId);
    }

    [Fact]
    public void Progress_shows_each_quiz_s_best_score_and_number_of_attempts()
    {
        var state = Submit(Submit(LearnerState.New, Attempt(LessonQuiz, right: true), Wednesday), Attempt(LessonQuiz, right: false), Wednesday);

        LearnerRules.Progress(state, Course).Quizzes[LessonQuiz.Id].Should().Match<QuizStanding>(q => q.BestScorePercent == 100 && q.Attempts == 2);
    }

    [Fact]
    public void Adopting_a_guest_s_history_adds_what_the_learner_lacks_and_again_adds_nothing()
    {
        var guest = Submit(LearnerState.New, Attempt(LessonQuiz, right: true), Wednesday);
        var mine = LearnerRules.CompleteLesson(LearnerState.New, Course, Second, Wednesday.AddHours(1)).State;

        var adopted = LearnerRules.AdoptGuest(mine, guest, Catalog, Wednesday.AddHours(2)).State;

        LearnerRules.Progress(adopted, Course).CompletedLessons.Should().Equal(First.Slug, Second.Slug);
        adopted.Attempts.Keys.Should().BeEquivalentTo(guest.Attempts.Keys);
        LearnerRules.AdoptGuest(adopted, guest, Catalog, Wednesday.AddHours(3)).Changed.Should().BeFalse();
    }

    [Fact]
    public void Adopting_a_guest_who_finished_everything_completes_the_course()
    {
        var guest = Submit(AllLessonsDone(Wednesday), Attempt(Final, right: true), Wednesday);

        var adopted = LearnerRules.AdoptGuest(LearnerState.New, guest, Catalog, Wednesday.AddDays(1)).State;

        LearnerRules.Progress(adopted, Course).CompletedAt.Should().NotBeNull();
    }

    [Fact]
    public void The_events_of_a_decision_lead_from_the_old_state_to_the_new_one()
    {
        var before = LearnerRules.CompleteLesson(LearnerState.New, Course, Second, Wednesday).State;

        var (decision, _) = LearnerRules.SubmitQuiz(before, Course, Attempt(LessonQuiz, right: true), Draws, Wednesday.AddDays(1));

        decision.Events.Aggregate(before, LearnerRules.Evolve).Should().BeEquivalentTo(decision.State,
            "what the store keeps (the events) is all the state is made of");
    }
}
