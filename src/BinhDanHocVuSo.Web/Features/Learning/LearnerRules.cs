using BinhDanHocVuSo.Content.Practice;
using BinhDanHocVuSo.Content.Quizzes;

namespace BinhDanHocVuSo.Web.Features.Learning;

/// <summary>
/// The rules of a learner's history: when a course starts, when a lesson is done, when a course is complete, how an
/// attempt is graded (once) and replayed, what counts as a day of learning, what to continue and what to review.
/// Pure: each action takes the state, the course and the time, and returns a <see cref="LearnerDecision"/>; no silo,
/// web host or database is involved, so the rules are tested on their own.
/// </summary>
public static class LearnerRules
{
    /// <summary>Opening a lesson starts its course and makes it the course's "continue here".</summary>
    public static LearnerDecision OpenLesson(LearnerState state, Course course, Lesson lesson, DateTime now)
    {
        var decider = new Decider(state, now).Start(course);
        if (decider.State.Courses[course.Slug].LastLessonSlug != lesson.Slug)
        {
            decider.Apply(new LessonOpened(course.Slug, lesson.Slug, now));
        }
        return decider.Decide();
    }

    /// <summary>
    /// Marks a lesson done (again changes nothing) and completes the course when it was the last step. A lesson with
    /// practice blocks stays not done until each of them was passed (see <see cref="PracticesPassed"/>).
    /// </summary>
    public static LearnerDecision CompleteLesson(LearnerState state, Course course, Lesson lesson, DateTime now) =>
        new Decider(state, now).Start(course).LessonDone(course, lesson).Complete(course).Decide();

    /// <summary>
    /// Whether every practice block of the lesson (each simulation and each scam drill) has a passed run: until then the
    /// lesson is not done, whatever its quiz or its "Đã học xong" button say. A lesson without practice blocks: true.
    /// </summary>
    public static bool PracticesPassed(LearnerState state, Course course, Lesson lesson) =>
        lesson.ExerciseIds.All(id => state.Runs.Values.Any(r => r.Passed && r.CourseSlug == course.Slug && r.PracticeId == id));

    /// <summary>
    /// Records a finished run of a practice block, once: the steps are played again on the simulation (the path must end
    /// on an end screen or at a trap) or graded again on the drill's draw (<paramref name="draws"/> makes the run's draw
    /// again from its run id; one answer per message). A passed run finishes its lesson when the rest of it is done: its
    /// other practice blocks passed and its quiz tried (a lesson without a quiz: on the run itself). The same run id
    /// again returns the first result and decides nothing; sent for another practice it is refused.
    /// </summary>
    public static (LearnerDecision Decision, PracticeRunResult Result) RecordPractice(LearnerState state, Course course,
        PracticeRunSubmission submission, QuizDraws draws, DateTime now)
    {
        if (state.Runs.TryGetValue(submission.RunId, out var earlier))
        {
            if (earlier.PracticeId != submission.PracticeId || earlier.CourseSlug != course.Slug)
            {
                throw new LearningException(LearningProblem.RunIdReused, submission.RunId.ToString());
            }
            return (LearnerDecision.Unchanged(state), earlier);
        }

        var lesson = course.Lessons.FirstOrDefault(l => l.ExerciseIds.Contains(submission.PracticeId))
            ?? throw new LearningException(LearningProblem.UnknownPractice, submission.PracticeId);
        var (practice, drill) = lesson.FindExercise(submission.PracticeId);
        var result = practice is not null
            ? SimulationRun(course, practice, submission, now)
            : DrillRun(course, drill!, submission, draws, now);

        var decider = new Decider(state, now).Start(course);
        decider.Apply(new PracticeRan(result));
        var wasDone = decider.State.Courses[course.Slug].Lessons.ContainsKey(lesson.Slug);
        if (result.Passed && (lesson.Quiz is null || decider.State.Attempts.Values.Any(a => a.CourseSlug == course.Slug && a.QuizId == lesson.Quiz.Id)))
        {
            decider.LessonDone(course, lesson);
        }
        decider.Complete(course);
        if (!wasDone && decider.State.Courses[course.Slug].Lessons.ContainsKey(lesson.Slug))
        {
            result = result with { LessonCompleted = true };
            decider.Replace(new PracticeRan(result));
        }
        return (decider.Decide(), result);
    }

    static PracticeRunResult SimulationRun(Course course, Practice practice, PracticeRunSubmission submission, DateTime now)
    {
        if (Practice.ParsePath(submission.Steps) is not { } path || practice.Walk(path) is not { Outcome: not PracticeOutcome.Playing } walk)
        {
            throw new LearningException(LearningProblem.RunNotFinished, practice.Id);
        }
        var passed = walk.Outcome == PracticeOutcome.Passed;
        return new PracticeRunResult(submission.RunId, course.Slug, practice.Id, practice.Version, passed, walk.RightTaps,
            walk.RightTaps + (passed ? 0 : 1), walk.TrapKey is { } trap ? [trap] : [], now);
    }

    static PracticeRunResult DrillRun(Course course, Drill drill, PracticeRunSubmission submission, QuizDraws draws, DateTime now)
    {
        if (!course.DrillBanks.TryGetValue(drill.Bank, out var bank))
        {
            throw new LearningException(LearningProblem.UnknownPractice, drill.Id);
        }
        var run = draws.ForDrill(course.Slug, drill, bank, submission.RunId);
        if (run.Grade(submission.Steps) is not { Finished: true } grade)
        {
            throw new LearningException(LearningProblem.RunNotFinished, drill.Id);
        }
        return new PracticeRunResult(submission.RunId, course.Slug, drill.Id, bank.Version, grade.Passed, grade.RightCount,
            run.Messages.Count, [.. run.Messages.Where((_, i) => !grade.Right[i]).Select(m => m.Id)], now);
    }

    /// <summary>The days after a miss at which an objective comes back for review; a right review moves to the next.</summary>
    public static readonly IReadOnlyList<int> ReviewIntervals = [1, 3, 7, 14];

    /// <summary>
    /// Grades an attempt, once, on the questions its draw showed (<paramref name="draws"/> makes the draw of
    /// <see cref="QuizSubmission.Draw"/> again): an answer to a question the draw did not show is refused; options
    /// may be named by the draw's aliases (as the page names them) or by their ids. Trying a
    /// lesson's quiz finishes the lesson (the learner has read it and practised); a passed final quiz with every lesson
    /// done completes the course. The same attempt id again returns the first result and decides nothing; sent for
    /// another quiz it is refused.
    /// </summary>
    /// <returns>The decision, and the result as the learner may see it (see <see cref="AsShown"/>).</returns>
    public static (LearnerDecision Decision, QuizResult Result) SubmitQuiz(LearnerState state, Course course, QuizSubmission submission, QuizDraws draws, DateTime now)
    {
        if (state.Attempts.TryGetValue(submission.AttemptId, out var earlier))
        {
            if (earlier.QuizId != submission.QuizId || earlier.CourseSlug != course.Slug)
            {
                throw new LearningException(LearningProblem.AttemptIdReused, submission.AttemptId.ToString());
            }
            return (LearnerDecision.Unchanged(state), AsShown(earlier, course));
        }

        var (quiz, lesson) = FindQuiz(course, submission.QuizId);
        QuizGrade grade;
        try
        {
            // The page named options by this draw's aliases: graded by option ids, on the questions the draw showed.
            var draw = draws.For(course.Slug, quiz, submission.Draw);
            grade = QuizGrader.Grade(quiz, draw.ToOptionIds(submission.Answers), draw.QuestionIds);
        }
        catch (QuizAnswerException e)
        {
            var problem = e.Problem == QuizAnswerProblem.NotShown ? LearningProblem.QuestionNotShown : LearningProblem.MalformedAnswer;
            throw new LearningException(problem, e.QuestionId, e);
        }

        var decider = new Decider(state, now).Start(course);
        if (lesson is not null)
        {
            decider.LessonDone(course, lesson);
        }
        var result = new QuizResult(submission.AttemptId, course.Slug, quiz.Id, quiz.Version, grade.Correct, grade.Total,
            grade.ScorePercent, grade.ScorePercent >= course.PassMark,
            [.. grade.Questions.Select(q => new QuestionResult(q.QuestionId, q.IsCorrect, q.Chosen, q.Right,
                [.. q.Feedback.Select(f => f.FeedbackHtml)], q.ExplanationHtml))],
            now, CourseCompleted: false, submission.Draw);
        decider.Apply(new QuizAttempted(result));
        decider.Complete(course);
        if (decider.State.Courses[course.Slug].CompletedAt == now && state.Course(course.Slug)?.CompletedAt is null)
        {
            result = result with { CourseCompleted = true };
            decider.Replace(new QuizAttempted(result));
        }
        return (decider.Decide(), AsShown(result, course));
    }

    /// <summary>
    /// Takes over what the person did as a guest before signing in: courses, lessons, attempts and days this learner
    /// does not have yet; a course the guest completed is complete here too once its rules hold. Again changes nothing.
    /// </summary>
    public static LearnerDecision AdoptGuest(LearnerState state, LearnerState guest, CourseCatalog catalog, DateTime now)
    {
        var decider = new Decider(state, now, countsAsActivity: false);
        foreach (var (slug, guestCourse) in guest.Courses)
        {
            if (decider.State.Course(slug) is null)
            {
                decider.Apply(new CourseStarted(slug, guestCourse.StartedAt));
                if (guestCourse.LastLessonSlug is { } last)
                {
                    decider.Apply(new LessonOpened(slug, last, guestCourse.StartedAt));
                }
            }
            foreach (var (lessonSlug, done) in guestCourse.Lessons.Where(l => !decider.State.Courses[slug].Lessons.ContainsKey(l.Key)))
            {
                decider.Apply(new LessonCompleted(slug, lessonSlug, done.Version, done.At));
            }
        }
        foreach (var attempt in guest.Attempts.Values.Where(a => !decider.State.Attempts.ContainsKey(a.AttemptId)))
        {
            decider.Apply(new QuizAttempted(attempt));
        }
        foreach (var run in guest.Runs.Values.Where(r => !decider.State.Runs.ContainsKey(r.RunId)))
        {
            decider.Apply(new PracticeRan(run));
        }
        foreach (var day in guest.ActiveDays.Where(d => !decider.State.ActiveDays.Contains(d)))
        {
            decider.Apply(new DayActive(day));
        }
        foreach (var slug in guest.Courses.Keys)
        {
            if (catalog.Find(slug) is { } course)
            {
                decider.Complete(course);
            }
        }
        return decider.Decide();
    }

    /// <summary>Where the learner stands in a course. Lessons removed from the course since do not count.</summary>
    public static CourseProgress Progress(LearnerState state, Course course)
    {
        var courseState = state.Course(course.Slug);
        var done = courseState is null ? [] : course.Lessons.Where(l => courseState.Lessons.ContainsKey(l.Slug)).Select(l => l.Slug).ToList();
        var next = course.Lessons.FirstOrDefault(l => courseState is null || !courseState.Lessons.ContainsKey(l.Slug))?.Slug;
        var quizzes = state.Attempts.Values
            .Where(a => a.CourseSlug == course.Slug)
            .GroupBy(a => a.QuizId)
            .ToImmutableDictionary(g => g.Key, g =>
            {
                var best = g.MaxBy(a => a.ScorePercent)!;
                return new QuizStanding(best.ScorePercent, g.Count(), best.QuizVersion);
            });
        var mastered = course.Lessons.Where(l => IsMastered(state, course, l)).Select(l => l.Slug).ToList();
        var practices = state.Runs.Values
            .Where(r => r.CourseSlug == course.Slug)
            .GroupBy(r => r.PracticeId)
            .ToImmutableDictionary(g => g.Key, g => new PracticeStanding(g.Any(r => r.Passed), g.Count()));
        return new CourseProgress(course.Slug, courseState is not null, done, course.Lessons.Count, next, quizzes,
            courseState?.CompletedAt, courseState?.LastLessonSlug, mastered, practices);
    }

    /// <summary>
    /// Whether the learner masters a lesson: an attempt at its quiz passed (the course's pass mark) on a fresh draw,
    /// that is, a draw id no attempt of this quiz was graded on before it. Reloading the page draws afresh; answering a
    /// page already answered (a saved copy, a form sent again with a new attempt id) is practice, not mastery: the
    /// learner has seen its result, right answers included. A lesson without a quiz is mastered once it is done.
    /// </summary>
    public static bool IsMastered(LearnerState state, Course course, Lesson lesson)
    {
        if (lesson.Quiz is not { } quiz)
        {
            return state.Course(course.Slug)?.Lessons.ContainsKey(lesson.Slug) == true;
        }
        var seen = new HashSet<Guid>();
        foreach (var attempt in AttemptsInOrder(state, course.Slug, quiz.Id))
        {
            if (seen.Add(attempt.Draw) && attempt.Passed)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// The objectives due for review on <paramref name="today"/>, earliest due first. Each objective of each quiz
    /// (<see cref="Question.Objective"/>) is followed through the learner's attempts in order: a question of it answered
    /// wrong brings it back the next day (<see cref="ReviewIntervals"/>: 1 day); answered right on or after its due day,
    /// it moves to the next interval (3, then 7, then 14 days) and, right after the last, it is learnt and no longer
    /// comes back; answered right before it is due, nothing changes. Questions removed from a quiz since do not count.
    /// </summary>
    public static IReadOnlyList<ReviewSuggestion> Reviews(LearnerState state, CourseCatalog catalog, DateOnly today)
    {
        var due = new List<ReviewSuggestion>();
        foreach (var (courseSlug, quizId) in state.Attempts.Values.Select(a => (a.CourseSlug, a.QuizId)).Distinct())
        {
            due.AddRange(ReviewsOf(state, catalog, courseSlug, quizId, today));
        }
        return [.. due.OrderBy(r => r.DueOn).ThenBy(r => r.CourseSlug, StringComparer.Ordinal).ThenBy(r => r.QuizId, StringComparer.Ordinal)
            .ThenBy(r => r.Objective, StringComparer.Ordinal)];
    }

    /// <summary>The objectives of one quiz due for review today (<see cref="Reviews"/>): its next draw should bring them back.</summary>
    public static IReadOnlyList<string> DueObjectives(LearnerState state, CourseCatalog catalog, string courseSlug, string quizId, DateOnly today) =>
        [.. ReviewsOf(state, catalog, courseSlug, quizId, today).Select(r => r.Objective)];

    /// <summary>The reviews of one quiz due on <paramref name="today"/> (see <see cref="Reviews"/>), in no particular order.</summary>
    static IEnumerable<ReviewSuggestion> ReviewsOf(LearnerState state, CourseCatalog catalog, string courseSlug, string quizId, DateOnly today)
    {
        if (catalog.Find(courseSlug) is not { } course || FindQuizOrNull(course, quizId) is not { } found)
        {
            return [];
        }
        var (quiz, lesson) = found;
        var schedule = new Dictionary<string, (int Stage, DateOnly Due, string Missed)>(StringComparer.Ordinal);
        foreach (var attempt in AttemptsInOrder(state, courseSlug, quizId))
        {
            var day = VietnamClock.DayOf(attempt.SubmittedAt);
            foreach (var objective in attempt.Questions.Select(q => (Question: quiz.FindQuestion(q.QuestionId), Answer: q))
                .Where(p => p.Question is not null)
                .GroupBy(p => p.Question!.Objective, StringComparer.Ordinal))
            {
                var missed = objective.FirstOrDefault(p => !p.Answer.IsCorrect).Question;
                if (missed is not null)
                {
                    schedule[objective.Key] = (0, day.AddDays(ReviewIntervals[0]), missed.Id);
                }
                else if (schedule.TryGetValue(objective.Key, out var next) && day >= next.Due)
                {
                    if (next.Stage + 1 < ReviewIntervals.Count)
                    {
                        schedule[objective.Key] = (next.Stage + 1, day.AddDays(ReviewIntervals[next.Stage + 1]), next.Missed);
                    }
                    else
                    {
                        schedule.Remove(objective.Key);
                    }
                }
            }
        }
        return schedule.Where(s => s.Value.Due <= today).Select(s => new ReviewSuggestion(
            courseSlug, quizId, s.Value.Missed, s.Key, lesson?.Slug, s.Value.Due, ReviewIntervals[s.Value.Stage]));
    }

    /// <summary>A learner's attempts at one quiz in the order they were graded.</summary>
    static IEnumerable<QuizResult> AttemptsInOrder(LearnerState state, string courseSlug, string quizId) =>
        state.Attempts.Values.Where(a => a.CourseSlug == courseSlug && a.QuizId == quizId)
            .OrderBy(a => a.SubmittedAt).ThenBy(a => a.AttemptId);

    /// <summary>
    /// Every course started, the course to continue (the unfinished one learnt in most recently), days in a row ending
    /// today or yesterday, lessons done this week (from Monday), and up to five objectives due for review (<see cref="Reviews"/>).
    /// </summary>
    public static LearnerOverview Overview(LearnerState state, CourseCatalog catalog, DateOnly today)
    {
        var courses = catalog.Courses.Where(c => state.Courses.ContainsKey(c.Slug)).Select(c => Progress(state, c)).ToList();
        var current = state.Courses
            .Where(c => c.Value.CompletedAt is null && catalog.Find(c.Key) is not null)
            .OrderByDescending(c => c.Value.Lessons.Values.Select(l => l.At).DefaultIfEmpty(c.Value.StartedAt).Max())
            .Select(c => Progress(state, catalog.Find(c.Key)!))
            .FirstOrDefault();
        var weekStart = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var lessonsThisWeek = state.Courses.Values.SelectMany(c => c.Lessons.Values).Count(l => VietnamClock.DayOf(l.At) >= weekStart);
        var review = Reviews(state, catalog, today).Take(5).ToList();
        return new LearnerOverview(courses, current?.CourseSlug, current?.NextLessonSlug, DaysInARow(state, today), lessonsThisWeek, review);
    }

    /// <summary>
    /// The result as the learner may see it. A course's final quiz decides the certificate: until an attempt passes, it
    /// says which questions were wrong but not which answers are right, nor the feedback and explanations, so that failing
    /// on purpose does not collect the answer key. Lesson quizzes are for practice and show everything.
    /// </summary>
    public static QuizResult AsShown(QuizResult result, Course course) =>
        result.Passed || course.Lessons.Any(l => l.Quiz?.Id == result.QuizId)
            ? result
            : result with { Questions = [.. result.Questions.Select(q => q.WithoutAnswers())] };

    static int DaysInARow(LearnerState state, DateOnly today)
    {
        var day = state.ActiveDays.Contains(today) ? today : today.AddDays(-1);
        var count = 0;
        while (state.ActiveDays.Contains(day))
        {
            count++;
            day = day.AddDays(-1);
        }
        return count;
    }

    static (Quiz Quiz, Lesson? Lesson) FindQuiz(Course course, string quizId) =>
        FindQuizOrNull(course, quizId) ?? throw new LearningException(LearningProblem.UnknownQuiz, quizId);

    static (Quiz Quiz, Lesson? Lesson)? FindQuizOrNull(Course course, string quizId)
    {
        if (course.FinalQuiz is { } final && final.Id == quizId)
        {
            return (final, null);
        }
        var lesson = course.Lessons.FirstOrDefault(l => l.Quiz?.Id == quizId);
        return lesson?.Quiz is { } quiz ? (quiz, lesson) : null;
    }

    // Lessons removed from the course since the learner started do not count, so they never block completion.
    static bool IsComplete(Course course, LearnerState state)
    {
        var courseState = state.Courses[course.Slug];
        return course.Lessons.All(l => courseState.Lessons.ContainsKey(l.Slug))
            && (course.FinalQuiz is null
                || state.Attempts.Values.Any(a => a.CourseSlug == course.Slug && a.QuizId == course.FinalQuiz.Id && a.Passed));
    }

    /// <summary>Applies events to a state one by one, keeping them; every action that changes something is a day of learning.</summary>
    sealed class Decider(LearnerState state, DateTime now, bool countsAsActivity = true)
    {
        readonly ImmutableList<LearnerEvent>.Builder _events = ImmutableList.CreateBuilder<LearnerEvent>();

        public LearnerState State { get; private set; } = state;

        public Decider Start(Course course)
        {
            if (State.Course(course.Slug) is null)
            {
                Apply(new CourseStarted(course.Slug, now));
            }
            return this;
        }

        /// <summary>Marks the lesson done unless it is, or one of its practice blocks was never passed.</summary>
        public Decider LessonDone(Course course, Lesson lesson)
        {
            if (!State.Courses[course.Slug].Lessons.ContainsKey(lesson.Slug) && PracticesPassed(State, course, lesson))
            {
                Apply(new LessonCompleted(course.Slug, lesson.Slug, lesson.Version, now));
            }
            return this;
        }

        /// <summary>Sets the course's completion time the first time every current lesson is done and the final quiz is passed.</summary>
        public Decider Complete(Course course)
        {
            if (State.Course(course.Slug) is { CompletedAt: null } && IsComplete(course, State))
            {
                Apply(new CourseCompleted(course.Slug, now));
            }
            return this;
        }

        public void Apply(LearnerEvent e)
        {
            State = Evolve(State, e);
            _events.Add(e);
        }

        /// <summary>Replaces an attempt already applied by a later form of it (the same attempt id).</summary>
        public void Replace(QuizAttempted attempt)
        {
            var index = _events.FindIndex(e => e is QuizAttempted a && a.Result.AttemptId == attempt.Result.AttemptId);
            _events[index] = attempt;
            State = Evolve(State, attempt);
        }

        /// <summary>Replaces a run already applied by a later form of it (the same run id).</summary>
        public void Replace(PracticeRan run)
        {
            var index = _events.FindIndex(e => e is PracticeRan r && r.Run.RunId == run.Run.RunId);
            _events[index] = run;
            State = Evolve(State, run);
        }

        public LearnerDecision Decide()
        {
            var day = VietnamClock.DayOf(now);
            if (countsAsActivity && _events.Count > 0 && !State.ActiveDays.Contains(day))
            {
                Apply(new DayActive(day));
            }
            return new LearnerDecision(State, _events.ToImmutable());
        }
    }

    /// <summary>What an event does to the state: the only place the state changes.</summary>
    public static LearnerState Evolve(LearnerState state, LearnerEvent e) => e switch
    {
        CourseStarted started => state with { Courses = state.Courses.SetItem(started.CourseSlug, CourseState.StartedOn(started.At)) },
        LessonOpened opened => WithCourse(state, opened.CourseSlug, c => c with { LastLessonSlug = opened.LessonSlug }),
        LessonCompleted done => WithCourse(state, done.CourseSlug, c => c with { Lessons = c.Lessons.SetItem(done.LessonSlug, new LessonDone(done.LessonVersion, done.At)) }),
        QuizAttempted attempted => state with { Attempts = state.Attempts.SetItem(attempted.Result.AttemptId, attempted.Result) },
        PracticeRan ran => state with { Runs = state.Runs.SetItem(ran.Run.RunId, ran.Run) },
        CourseCompleted completed => WithCourse(state, completed.CourseSlug, c => c with { CompletedAt = completed.At }),
        DayActive active => state with { ActiveDays = state.ActiveDays.Add(active.Day) },
        _ => throw new ArgumentOutOfRangeException(nameof(e), e, "an event the learner's state does not know"),
    };

    static LearnerState WithCourse(LearnerState state, string slug, Func<CourseState, CourseState> change) =>
        state with { Courses = state.Courses.SetItem(slug, change(state.Courses[slug])) };
}
