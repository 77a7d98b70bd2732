namespace BinhDanHocVuSo.Web.Features.Learning;

/// <summary>
/// One learner's history in memory. Each method loads nothing (the history was read at activation), applies
/// <see cref="LearnerRules"/>, persists the decided events through <see cref="LearnerStore"/> and returns.
/// </summary>
sealed class LearnerGrain(LearnerStore store, ICourseCatalogSource catalog, VietnamClock clock, QuizDrawKey drawKey) : Grain, ILearnerGrain
{
    LearnerState _state = LearnerState.New;

    // "Continue here" notes from lesson GETs, kept with the learner's next write.
    ImmutableList<LearnerEvent> _unsaved = [];

    Guid LearnerId => this.GetPrimaryKey();

    public override async Task OnActivateAsync(CancellationToken cancellationToken) =>
        _state = await store.LoadAsync(LearnerId, cancellationToken);

    public Task<LessonStanding> NoteLessonOpened(string courseSlug, string lessonSlug)
    {
        if (catalog.Current.Find(courseSlug) is not { } course || course.FindLesson(lessonSlug)?.Lesson is not { } lesson)
        {
            return Task.FromResult(new LessonStanding(0, 0, false));
        }
        var decision = LearnerRules.OpenLesson(_state, course, lesson, clock.UtcNow);
        _state = decision.State;
        _unsaved = _unsaved.AddRange(decision.Events);
        var lessons = _state.Course(course.Slug)?.Lessons;
        var done = lessons is null ? 0 : course.Lessons.Count(l => lessons.ContainsKey(l.Slug));
        return Task.FromResult(new LessonStanding(done, course.Lessons.Count, lessons?.ContainsKey(lesson.Slug) == true,
            lesson.Quiz is { } quiz ? LearnerRules.DueObjectives(_state, catalog.Current, course.Slug, quiz.Id, clock.Today) : null));
    }

    public Task<CourseProgress> CompleteLesson(string courseSlug, string lessonSlug) => DecideAndKeep(state =>
    {
        var course = FindCourse(courseSlug);
        var lesson = course.FindLesson(lessonSlug)?.Lesson ?? throw new LearningException(LearningProblem.UnknownLesson, lessonSlug);
        var decision = LearnerRules.CompleteLesson(state, course, lesson, clock.UtcNow);
        return (decision, LearnerRules.Progress(decision.State, course));
    });

    public async Task<QuizResult> SubmitQuiz(QuizSubmission submission)
    {
        var draws = await drawKey.GetAsync();
        return await DecideAndKeep(state =>
        {
            var (decision, result) = LearnerRules.SubmitQuiz(state, FindCourse(submission.CourseSlug), submission, draws, clock.UtcNow);
            return (decision, result);
        });
    }

    public async Task<PracticeRunResult> RecordPractice(PracticeRunSubmission submission)
    {
        var draws = await drawKey.GetAsync();
        return await DecideAndKeep(state =>
            LearnerRules.RecordPractice(state, FindCourse(submission.CourseSlug), submission, draws, clock.UtcNow));
    }

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
        var stored = await store.LoadAsync(LearnerId);
        // The notes taken until now, those noted while the history was read included.
        ReplaceState(stored, _unsaved);
    }

    async Task<T> Keep<T>((LearnerDecision Decision, T Answer) decided)
    {
        var (decision, answer) = decided;
        if (decision.Changed || !_unsaved.IsEmpty)
        {
            var saving = _unsaved;
            var events = saving.AddRange(decision.Events);
            var version = await store.SaveAsync(LearnerId, _state.Version, LearnerEventRows.ToRows(LearnerId, decision.State, events));
            // Lessons opened while the write was in progress (NoteLessonOpened interleaves) are not in it: note them again.
            ReplaceState(decision.State with { Version = version }, _unsaved.RemoveRange(0, saving.Count));
        }
        return answer;
    }

    void ReplaceState(LearnerState state, ImmutableList<LearnerEvent> notes)
    {
        (_state, _unsaved) = (state, []);
        foreach (var note in notes.OfType<LessonOpened>())
        {
            NoteLessonOpened(note.CourseSlug, note.LessonSlug);
        }
    }

    Course FindCourse(string slug) => catalog.Current.Find(slug) ?? throw new LearningException(LearningProblem.UnknownCourse, slug);
}
