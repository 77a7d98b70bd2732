namespace BinhDanHocVuSo.Web.Features.Learning;

/// <summary>
/// One learner's history in memory. Each method loads nothing (the history was read at activation), applies
/// <see cref="LearnerRules"/>, persists the decided events through <see cref="LearnerStore"/> and returns.
/// </summary>
sealed class LearnerGrain(LearnerStore store, ICourseCatalogSource catalog, VietnamClock clock) : Grain, ILearnerGrain
{
    LearnerState _state = LearnerState.New;

    // "Continue here" notes from lesson GETs, kept with the learner's next write.
    ImmutableList<LearnerEvent> _unsaved = [];

    Guid LearnerId => this.GetPrimaryKey();

    public override async Task OnActivateAsync(CancellationToken cancellationToken) =>
        _state = await store.LoadAsync(LearnerId, cancellationToken);

    public Task NoteLessonOpened(string courseSlug, string lessonSlug)
    {
        if (catalog.Current.Find(courseSlug) is { } course && course.FindLesson(lessonSlug)?.Lesson is { } lesson)
        {
            var decision = LearnerRules.OpenLesson(_state, course, lesson, clock.UtcNow);
            _state = decision.State;
            _unsaved = _unsaved.AddRange(decision.Events);
        }
        return Task.CompletedTask;
    }

    public Task<CourseProgress> CompleteLesson(string courseSlug, string lessonSlug) => DecideAndKeep(state =>
    {
        var course = FindCourse(courseSlug);
        var lesson = course.FindLesson(lessonSlug)?.Lesson ?? throw new LearningException(LearningProblem.UnknownLesson, lessonSlug);
        var decision = LearnerRules.CompleteLesson(state, course, lesson, clock.UtcNow);
        return (decision, LearnerRules.Progress(decision.State, course));
    });

    public Task<QuizResult> SubmitQuiz(QuizSubmission submission) => DecideAndKeep(state =>
    {
        var (decision, result) = LearnerRules.SubmitQuiz(state, FindCourse(submission.CourseSlug), submission, clock.UtcNow);
        return (decision, result);
    });

    public Task AdoptGuestHistory(Guid guestLearnerId) => guestLearnerId == LearnerId
        ? Task.CompletedTask
        : Adopt(guestLearnerId);

    async Task Adopt(Guid guestLearnerId)
    {
        var guest = await store.LoadAsync(guestLearnerId);
        await DecideAndKeep(state => (LearnerRules.AdoptGuest(state, guest, catalog.Current, clock.UtcNow), true));
    }

    public Task Forget()
    {
        // The history moved away under another id: drop this copy, and let the next call (if any) read afresh.
        _state = LearnerState.New;
        _unsaved = [];
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    public Task<CourseProgress> GetCourseProgress(string courseSlug) =>
        Task.FromResult(LearnerRules.Progress(_state, FindCourse(courseSlug)));

    public Task<LearnerOverview> GetOverview() =>
        Task.FromResult(LearnerRules.Overview(_state, catalog.Current, clock.Today));

    /// <summary>
    /// Decides on the state, keeps the decided events (with any unsaved notes) in one write, then answers from the new
    /// state. If another activation wrote meanwhile (possible for a moment while a cluster heals), the stored history is
    /// read again, the notes applied to it, and the action decided once more on top of it.
    /// </summary>
    Task<T> DecideAndKeep<T>(Func<LearnerState, (LearnerDecision Decision, T Answer)> decide) =>
        StaleRetry.RunAsync(() => Keep(decide(_state)), ReloadAsync);

    async Task ReloadAsync()
    {
        var notes = _unsaved;
        (_state, _unsaved) = (await store.LoadAsync(LearnerId), []);
        foreach (var note in notes.OfType<LessonOpened>())
        {
            await NoteLessonOpened(note.CourseSlug, note.LessonSlug);
        }
    }

    async Task<T> Keep<T>((LearnerDecision Decision, T Answer) decided)
    {
        var (decision, answer) = decided;
        if (decision.Changed || !_unsaved.IsEmpty)
        {
            var events = _unsaved.AddRange(decision.Events);
            var version = await store.SaveAsync(LearnerId, _state.Version, LearnerEventRows.ToRows(LearnerId, decision.State, events));
            (_state, _unsaved) = (decision.State with { Version = version }, []);
        }
        return answer;
    }

    Course FindCourse(string slug) => catalog.Current.Find(slug) ?? throw new LearningException(LearningProblem.UnknownCourse, slug);
}
