using System.Collections.Immutable;
using BinhDanHocVuSo.Content.Courses;
using BinhDanHocVuSo.Content.Quizzes;
using BinhDanHocVuSo.Web.Data;
using BinhDanHocVuSo.Web.Features.Courses;

namespace BinhDanHocVuSo.Web.Features.Learning;

sealed class LearnerGrain(LearnerStore store, ICourseCatalogSource catalog, TimeProvider clock) : Grain, ILearnerGrain
{
    // Vietnam keeps UTC+7 all year: a learner's "day" for streaks is the local calendar day.
    static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);

    LearnerState _state = LearnerState.New;

    Guid LearnerId => this.GetPrimaryKey();

    public override async Task OnActivateAsync(CancellationToken cancellationToken) =>
        _state = await store.LoadAsync(LearnerId, cancellationToken);

    public Task<CourseProgress> StartCourse(string courseSlug) => Act(async () =>
    {
        var course = FindCourse(courseSlug);
        await EnsureStarted(course, Now());
        return Progress(course);
    });

    public Task NoteLessonOpened(string courseSlug, string lessonSlug)
    {
        if (catalog.Current.Find(courseSlug) is { } course && course.FindLesson(lessonSlug)?.Lesson is { } lesson
            && _state.Course(course.Slug) is { } state && state.LastLessonSlug != lesson.Slug)
        {
            _state = _state with { Courses = _state.Courses.SetItem(course.Slug, state with { LastLessonSlug = lesson.Slug }) };
        }
        return Task.CompletedTask;
    }

    public Task<CourseProgress> CompleteLesson(string courseSlug, string lessonSlug) => Act(async () =>
    {
        var course = FindCourse(courseSlug);
        var lesson = FindLesson(course, lessonSlug);
        var now = Now();
        await EnsureStarted(course, now);
        if (!_state.Courses[course.Slug].Lessons.ContainsKey(lesson.Slug))
        {
            var changes = new LearnerChanges();
            var next = WithLessonDone(course, lesson, _state, now, changes);
            await Save(WithCompletion(course, next, now, changes), now, changes);
        }
        return Progress(course);
    });

    public Task<QuizResult> SubmitQuiz(QuizSubmission submission) => Act(async () =>
    {
        if (_state.Attempts.TryGetValue(submission.AttemptId, out var earlier))
        {
            // A resend of the same attempt (the offline queue replays) answers with its first result; the same id
            // sent for another quiz is refused rather than answered with that other quiz's result.
            if (earlier.QuizId != submission.QuizId || catalog.Current.Find(submission.CourseSlug)?.Slug != earlier.CourseSlug)
            {
                throw new LearningException(LearningProblem.AttemptIdReused,
                    "Mã lượt làm bài này đã được dùng cho một bài kiểm tra khác. Hãy tải lại trang và làm lại.");
            }
            return AsShown(earlier);
        }

        var course = FindCourse(submission.CourseSlug);
        var (quiz, lesson) = FindQuiz(course, submission.QuizId);
        QuizGrade grade;
        try
        {
            grade = QuizGrader.Grade(quiz, submission.Answers);
        }
        catch (QuizAnswerException e)
        {
            throw new LearningException(LearningProblem.MalformedAnswer, e.Message);
        }

        var now = Now();
        await EnsureStarted(course, now);
        var result = new QuizResult(submission.AttemptId, course.Slug, quiz.Id, quiz.Version, grade.Correct, grade.Total,
            grade.ScorePercent, grade.ScorePercent >= course.PassMark,
            [.. grade.Questions.Select(q => new QuestionResult(q.QuestionId, q.IsCorrect, q.Chosen, q.Right))],
            now, CourseCompleted: false);

        var changes = new LearnerChanges();
        var next = _state with { Attempts = _state.Attempts.Add(result.AttemptId, result) };
        if (lesson is not null)
        {
            // Trying a lesson's quiz finishes the lesson: the learner has read it and practised.
            next = WithLessonDone(course, lesson, next, now, changes);
        }
        next = WithCompletion(course, next, now, changes);
        if (next.Courses[course.Slug].CompletedAt == now)
        {
            result = result with { CourseCompleted = true };
            next = next with { Attempts = next.Attempts.SetItem(result.AttemptId, result) };
        }

        changes.Attempts.Add(AttemptRow(result));
        changes.Answers.AddRange(LearnerStore.AnswerRows(LearnerId, result));
        await Save(next, now, changes);
        return AsShown(result);
    });

    public Task Forget()
    {
        // The history moved away under another id: drop this copy, and let the next call (if any) read afresh.
        _state = LearnerState.New;
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    public Task AdoptGuestHistory(Guid guestLearnerId) => Act(async () =>
    {
        if (guestLearnerId == LearnerId)
        {
            return true;
        }
        var guest = await store.LoadAsync(guestLearnerId);
        var now = Now();
        var changes = new LearnerChanges();
        var next = _state;
        foreach (var (slug, guestCourse) in guest.Courses)
        {
            var mine = next.Course(slug);
            if (mine is null)
            {
                mine = guestCourse with { Lessons = ImmutableDictionary<string, LessonDone>.Empty, CompletedAt = null };
                changes.SetEnrolment(EnrolmentRow(slug, mine, now));
            }
            foreach (var (lessonSlug, done) in guestCourse.Lessons.Where(l => !mine.Lessons.ContainsKey(l.Key)))
            {
                mine = mine with { Lessons = mine.Lessons.Add(lessonSlug, done) };
                changes.LessonCompletions.Add(new LessonCompletionRow
                {
                    LearnerId = LearnerId, CourseSlug = slug, LessonSlug = lessonSlug, LessonVersion = done.Version, CompletedAt = done.At,
                });
            }
            next = next with { Courses = next.Courses.SetItem(slug, mine) };
        }
        foreach (var attempt in guest.Attempts.Values.Where(a => !next.Attempts.ContainsKey(a.AttemptId)))
        {
            next = next with { Attempts = next.Attempts.Add(attempt.AttemptId, attempt) };
            changes.Attempts.Add(AttemptRow(attempt));
            changes.Answers.AddRange(LearnerStore.AnswerRows(LearnerId, attempt));
        }
        foreach (var day in guest.ActiveDays.Where(d => !next.ActiveDays.Contains(d)))
        {
            next = next with { ActiveDays = next.ActiveDays.Add(day) };
            changes.Days.Add(new LearnerDayRow { LearnerId = LearnerId, Day = day });
        }
        foreach (var slug in guest.Courses.Keys)
        {
            if (catalog.Current.Find(slug) is { } course)
            {
                next = WithCompletion(course, next, now, changes);
            }
        }
        if (next != _state)
        {
            await Save(next, now, changes);
        }
        return true;
    });

    public Task<CourseProgress> GetCourseProgress(string courseSlug) => Task.FromResult(Progress(FindCourse(courseSlug)));

    public Task<LearnerOverview> GetOverview()
    {
        var courses = catalog.Current.Courses.Where(c => _state.Courses.ContainsKey(c.Slug)).Select(Progress).ToList();
        var current = _state.Courses
            .Where(c => c.Value.CompletedAt is null && catalog.Current.Find(c.Key) is not null)
            .OrderByDescending(c => c.Value.Lessons.Values.Select(l => l.At).DefaultIfEmpty(c.Value.StartedAt).Max())
            .Select(c => Progress(catalog.Current.Find(c.Key)!))
            .FirstOrDefault();
        var today = Day(Now());
        var weekStart = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var lessonsThisWeek = _state.Courses.Values.SelectMany(c => c.Lessons.Values).Count(l => Day(l.At) >= weekStart);
        var review = _state.Attempts.Values
            .GroupBy(a => (a.CourseSlug, a.QuizId))
            .Select(g => g.MaxBy(a => a.SubmittedAt)!)
            .SelectMany(a => a.Questions.Where(q => !q.IsCorrect).Select(q => new ReviewSuggestion(a.CourseSlug, a.QuizId, q.QuestionId)))
            .Take(5)
            .ToList();
        return Task.FromResult(new LearnerOverview(courses, current?.CourseSlug, current?.NextLessonSlug,
            DaysInARow(today), lessonsThisWeek, review));
    }

    async Task EnsureStarted(Course course, DateTime now)
    {
        if (_state.Courses.ContainsKey(course.Slug))
        {
            return;
        }
        var started = CourseState.StartedOn(now);
        var changes = new LearnerChanges();
        changes.SetEnrolment(EnrolmentRow(course.Slug, started, now));
        await Save(_state with { Courses = _state.Courses.Add(course.Slug, started) }, now, changes);
    }

    LearnerState WithLessonDone(Course course, Lesson lesson, LearnerState state, DateTime now, LearnerChanges changes)
    {
        var courseState = state.Courses[course.Slug];
        if (courseState.Lessons.ContainsKey(lesson.Slug))
        {
            return state;
        }
        changes.LessonCompletions.Add(new LessonCompletionRow
        {
            LearnerId = LearnerId, CourseSlug = course.Slug, LessonSlug = lesson.Slug, LessonVersion = lesson.Version, CompletedAt = now,
        });
        courseState = courseState with { Lessons = courseState.Lessons.Add(lesson.Slug, new LessonDone(lesson.Version, now)) };
        return state with { Courses = state.Courses.SetItem(course.Slug, courseState) };
    }

    /// <summary>Sets the course's completion time the first time every current lesson is done and the final quiz is passed.</summary>
    LearnerState WithCompletion(Course course, LearnerState state, DateTime now, LearnerChanges changes)
    {
        var courseState = state.Courses[course.Slug];
        if (courseState.CompletedAt is not null || !IsComplete(course, state))
        {
            return state;
        }
        var completed = courseState with { CompletedAt = now };
        changes.SetEnrolment(EnrolmentRow(course.Slug, completed, now));
        return state with { Courses = state.Courses.SetItem(course.Slug, completed) };
    }

    // Lessons removed from the course since the learner started do not count, so they never block completion.
    static bool IsComplete(Course course, LearnerState state)
    {
        var courseState = state.Courses[course.Slug];
        var lessonsDone = course.Lessons.All(l => courseState.Lessons.ContainsKey(l.Slug));
        var finalPassed = course.FinalQuiz is null
            || state.Attempts.Values.Any(a => a.CourseSlug == course.Slug && a.QuizId == course.FinalQuiz.Id && a.Passed);
        return lessonsDone && finalPassed;
    }

    async Task Save(LearnerState next, DateTime now, LearnerChanges changes)
    {
        var day = Day(now);
        if (!next.ActiveDays.Contains(day))
        {
            next = next with { ActiveDays = next.ActiveDays.Add(day) };
            changes.Days.Add(new LearnerDayRow { LearnerId = LearnerId, Day = day });
        }
        var version = await store.SaveAsync(LearnerId, _state.Version, changes);
        _state = next with { Version = version };
    }

    /// <summary>
    /// Runs one user action. If another activation wrote meanwhile (possible for a moment while a cluster
    /// heals), reload the stored history and run the action once more on top of it.
    /// </summary>
    async Task<T> Act<T>(Func<Task<T>> action)
    {
        try
        {
            return await action();
        }
        catch (StaleLearnerStateException)
        {
            _state = await store.LoadAsync(LearnerId);
            return await action();
        }
    }

    CourseProgress Progress(Course course)
    {
        var state = _state.Course(course.Slug);
        var done = state is null ? [] : course.Lessons.Where(l => state.Lessons.ContainsKey(l.Slug)).Select(l => l.Slug).ToList();
        var next = course.Lessons.FirstOrDefault(l => state is null || !state.Lessons.ContainsKey(l.Slug))?.Slug;
        var quizzes = _state.Attempts.Values
            .Where(a => a.CourseSlug == course.Slug)
            .GroupBy(a => a.QuizId)
            .ToImmutableDictionary(g => g.Key, g =>
            {
                var best = g.MaxBy(a => a.ScorePercent)!;
                return new QuizStanding(best.ScorePercent, g.Count(), best.QuizVersion);
            });
        return new CourseProgress(course.Slug, state is not null, done, course.Lessons.Count, next, quizzes, state?.CompletedAt, state?.LastLessonSlug);
    }

    int DaysInARow(DateOnly today)
    {
        var day = _state.ActiveDays.Contains(today) ? today : today.AddDays(-1);
        var count = 0;
        while (_state.ActiveDays.Contains(day))
        {
            count++;
            day = day.AddDays(-1);
        }
        return count;
    }

    Course FindCourse(string slug) => catalog.Current.Find(slug)
        ?? throw new LearningException(LearningProblem.UnknownCourse, $"Không có khoá học '{slug}'.");

    static Lesson FindLesson(Course course, string slug) => course.FindLesson(slug)?.Lesson
        ?? throw new LearningException(LearningProblem.UnknownLesson, $"Khoá học '{course.Slug}' không có bài '{slug}'.");

    static (Quiz Quiz, Lesson? Lesson) FindQuiz(Course course, string quizId)
    {
        if (course.FinalQuiz is { } final && final.Id == quizId)
        {
            return (final, null);
        }
        var lesson = course.Lessons.FirstOrDefault(l => l.Quiz?.Id == quizId);
        return lesson?.Quiz is { } quiz
            ? (quiz, lesson)
            : throw new LearningException(LearningProblem.UnknownQuiz, $"Khoá học '{course.Slug}' không có bài kiểm tra '{quizId}'.");
    }

    /// <summary>
    /// The result as the learner may see it. A course's final quiz decides the certificate: until an attempt passes,
    /// it says which questions were wrong but not which answers are right, so that failing on purpose does not
    /// collect the answer key. Lesson quizzes are for practice and always name the right answers.
    /// </summary>
    QuizResult AsShown(QuizResult result)
    {
        var isLessonQuiz = catalog.Current.Find(result.CourseSlug)?.Lessons.Any(l => l.Quiz?.Id == result.QuizId) == true;
        return result.Passed || isLessonQuiz
            ? result
            : result with { Questions = [.. result.Questions.Select(q => q with { RightAnswer = [] })] };
    }

    CourseEnrolmentRow EnrolmentRow(string courseSlug, CourseState state, DateTime now) => new()
    {
        LearnerId = LearnerId, CourseSlug = courseSlug, StartedAt = state.StartedAt, CompletedAt = state.CompletedAt,
        LastLessonSlug = state.LastLessonSlug, LastOpenedAt = now,
    };

    QuizAttemptRow AttemptRow(QuizResult result) => new()
    {
        LearnerId = LearnerId, AttemptId = result.AttemptId, CourseSlug = result.CourseSlug, QuizId = result.QuizId,
        QuizVersion = result.QuizVersion, SubmittedAt = result.SubmittedAt, Correct = result.Correct, Total = result.Total,
        ScorePercent = result.ScorePercent, Passed = result.Passed, CourseCompleted = result.CourseCompleted,
    };

    DateTime Now() => clock.GetUtcNow().UtcDateTime;

    bool IsToday(DateTime at) => _state.ActiveDays.Contains(Day(at));

    static DateOnly Day(DateTime utc) => DateOnly.FromDateTime(utc + VietnamOffset);
}
