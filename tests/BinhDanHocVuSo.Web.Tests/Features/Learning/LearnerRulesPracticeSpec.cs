using BinhDanHocVuSo.Content.Competences;
using BinhDanHocVuSo.Content.Courses;
using BinhDanHocVuSo.Content.Practice;
using BinhDanHocVuSo.Web.Features.Learning;
using BinhDanHocVuSo.Web.Tests.Support;

namespace BinhDanHocVuSo.Web.Tests.Features.Learning;

/// <summary>
/// The learner's rules for practice runs, on their own. The practice test course has "tra-tien" (a simulation of paying a
/// QR code: path "0.0" is the right way, "0.1" the trap on the confirmation screen, "1" the trap on the first screen;
/// then a quiz of one question) and "nhan-biet" (a scam drill of 4 messages, 3 to pass; no quiz).
/// </summary>
public sealed class LearnerRulesPracticeSpec
{
    static readonly CourseCatalog Catalog = CourseLoader.Load(
        Repository.Path("tests/BinhDanHocVuSo.Web.Tests/TestData/practice-courses"), CompetenceModel.Load(Repository.Path("assessments/competences.yaml")));

    static readonly Course Course = Catalog.Find("tap-duot")!;
    static readonly Lesson Paying = Course.FindLesson("tra-tien")!.Lesson;
    static readonly Lesson Sorting = Course.FindLesson("nhan-biet")!.Lesson;
    static readonly DateTime Wednesday = new(2026, 12, 2, 3, 0, 0, DateTimeKind.Utc);

    static (LearnerDecision Decision, PracticeRunResult Result) Run(LearnerState state, string steps, Guid? runId = null, string practice = "tra-tien-qr") =>
        LearnerRules.RecordPractice(state, Course, new PracticeRunSubmission(runId ?? Guid.NewGuid(), Course.Slug, practice, steps),
            LearnerRulesSpec.Draws, Wednesday);

    static LearnerState TryQuiz(LearnerState state, bool right) =>
        LearnerRules.SubmitQuiz(state, Course, new QuizSubmission(Guid.NewGuid(), Course.Slug, Paying.Quiz!.Id,
            right ? Answers.AllRight(Paying.Quiz) : Answers.AllWrong(Paying.Quiz)), LearnerRulesSpec.Draws, Wednesday).Decision.State;

    static bool Done(LearnerState state, Lesson lesson) => state.Course(Course.Slug)?.Lessons.ContainsKey(lesson.Slug) == true;

    /// <summary>The drill run's answers: each message sorted right, or the first <paramref name="wrong"/> sorted wrong.</summary>
    static string DrillAnswers(Guid runId, int wrong = 0)
    {
        var drill = Sorting.Drills[0];
        var run = LearnerRulesSpec.Draws.ForDrill(Course.Slug, drill, Course.DrillBanks[drill.Bank], runId);
        return string.Concat(run.Messages.Select((m, i) => (m.IsScam ^ i < wrong) ? DrillDraw.Scam : DrillDraw.Safe));
    }

    [Fact]
    public void A_run_played_the_right_way_to_the_end_is_recorded_as_passed()
    {
        var (decision, result) = Run(LearnerState.New, "2.0.0.0");

        result.Passed.Should().BeTrue();
        result.Misses.Should().BeEmpty();
        result.Right.Should().Be(3, "back from the history, then scan, then confirm");
        decision.State.Runs.Should().ContainKey(result.RunId);
        decision.Events.OfType<PracticeRan>().Should().ContainSingle();
    }

    [Fact]
    public void A_run_that_ends_in_a_trap_is_recorded_as_failed_naming_the_trap()
    {
        var (decision, result) = Run(LearnerState.New, "0.1");

        result.Passed.Should().BeFalse();
        result.Misses.Should().Equal("quet-ma/1");
        decision.State.Runs[result.RunId].Should().Be(result);
    }

    [Fact]
    public void The_same_run_sent_again_returns_the_first_result_and_records_nothing()
    {
        var runId = Guid.NewGuid();
        var first = Run(LearnerState.New, "0.1", runId);

        var again = Run(first.Decision.State, "0.0", runId);

        again.Decision.Changed.Should().BeFalse();
        again.Result.Should().Be(first.Result, "the first report of a run is what counts");
        again.Decision.State.Runs.Should().HaveCount(1);
    }

    [Fact]
    public void A_run_id_already_used_for_another_practice_is_refused()
    {
        var runId = Guid.NewGuid();
        var state = Run(LearnerState.New, "0.0", runId).Decision.State;

        var reuse = () => Run(state, DrillAnswers(runId), runId, "tin-that-hay-lua");

        reuse.Should().Throw<LearningException>().Which.Problem.Should().Be(LearningProblem.RunIdReused);
    }

    [Theory]
    [InlineData("")]
    [InlineData("0")]
    [InlineData("0.1.0")]
    [InlineData("x")]
    public void A_path_that_is_not_a_finished_run_is_refused(string steps)
    {
        var run = () => Run(LearnerState.New, steps);

        run.Should().Throw<LearningException>().Which.Problem.Should().Be(LearningProblem.RunNotFinished);
    }

    [Fact]
    public void A_practice_the_course_does_not_have_is_refused()
    {
        var run = () => Run(LearnerState.New, "0.0", practice: "khong-co");

        run.Should().Throw<LearningException>().Which.Problem.Should().Be(LearningProblem.UnknownPractice);
    }

    [Fact]
    public void Trying_the_quiz_of_a_lesson_with_a_simulation_does_not_finish_it_until_the_simulation_is_passed()
    {
        var quizTried = TryQuiz(LearnerState.New, right: true);
        var trapped = Run(quizTried, "1").Decision.State;
        var (passed, result) = Run(trapped, "0.0");

        Done(quizTried, Paying).Should().BeFalse("the simulation was never passed");
        Done(trapped, Paying).Should().BeFalse("a run into a trap is not a pass");
        Done(passed.State, Paying).Should().BeTrue();
        result.LessonCompleted.Should().BeTrue();
        passed.Events.OfType<LessonCompleted>().Should().ContainSingle();
    }

    [Fact]
    public void A_simulation_passed_before_the_quiz_leaves_the_lesson_to_be_finished_by_trying_the_quiz()
    {
        var (decision, result) = Run(LearnerState.New, "0.0");
        var quizTried = TryQuiz(decision.State, right: false);

        Done(decision.State, Paying).Should().BeFalse("its quiz was not tried yet");
        result.LessonCompleted.Should().BeFalse();
        Done(quizTried, Paying).Should().BeTrue("trying the quiz finishes a lesson, as before, once its practice is passed");
    }

    [Fact]
    public void Marking_a_lesson_with_a_drill_done_waits_for_a_passed_drill_and_a_passed_drill_finishes_it()
    {
        var marked = LearnerRules.CompleteLesson(LearnerState.New, Course, Sorting, Wednesday).State;
        var failedId = Guid.NewGuid();
        var (failed, failedResult) = Run(marked, DrillAnswers(failedId, wrong: 2), failedId, "tin-that-hay-lua");
        var passedId = Guid.NewGuid();
        var (passed, passedResult) = Run(failed.State, DrillAnswers(passedId, wrong: 1), passedId, "tin-that-hay-lua");

        Done(marked, Sorting).Should().BeFalse("the drill was never passed");
        failedResult.Passed.Should().BeFalse();
        failedResult.Misses.Should().HaveCount(2, "the messages sorted wrong are named");
        Done(failed.State, Sorting).Should().BeFalse();
        passedResult.Should().Match<PracticeRunResult>(r => r.Passed && r.Right == 3 && r.Total == 4 && r.LessonCompleted);
        Done(passed.State, Sorting).Should().BeTrue();
    }

    [Fact]
    public void A_drill_run_that_does_not_answer_every_message_is_refused()
    {
        var runId = Guid.NewGuid();

        var run = () => Run(LearnerState.New, DrillAnswers(runId)[..3], runId, "tin-that-hay-lua");

        run.Should().Throw<LearningException>().Which.Problem.Should().Be(LearningProblem.RunNotFinished);
    }

    [Fact]
    public void The_course_completes_only_when_every_lesson_s_practice_is_passed()
    {
        var state = TryQuiz(LearnerState.New, right: true);
        state = LearnerRules.CompleteLesson(state, Course, Sorting, Wednesday).State;
        var drillId = Guid.NewGuid();
        state = Run(state, DrillAnswers(drillId), drillId, "tin-that-hay-lua").Decision.State;

        state.Course(Course.Slug)!.CompletedAt.Should().BeNull("the simulation of the first lesson is not passed");

        state = Run(state, "0.0").Decision.State;
        state.Course(Course.Slug)!.CompletedAt.Should().Be(Wednesday);
    }

    [Fact]
    public void A_guest_s_runs_are_taken_over_at_sign_in_once()
    {
        var guest = Run(LearnerState.New, "0.1").Decision.State;

        var adopted = LearnerRules.AdoptGuest(LearnerState.New, guest, Catalog, Wednesday);
        var again = LearnerRules.AdoptGuest(adopted.State, guest, Catalog, Wednesday);

        adopted.State.Runs.Should().BeEquivalentTo(guest.Runs);
        again.Changed.Should().BeFalse();
    }
}
