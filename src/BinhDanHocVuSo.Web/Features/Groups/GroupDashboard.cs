namespace BinhDanHocVuSo.Web.Features.Groups;

public enum CellStatus
{
    NotStarted,
    InProgress,
    Done,
    Overdue,
}

/// <summary>
/// One group's progress in its assigned courses: members and their status read live with a few set-based SQL queries,
/// quiz figures from the group's <see cref="IGroupQuizStatsGrain"/> snapshot.
/// </summary>
public sealed record GroupDashboard(
    GroupRow Group,
    string CommuneName,
    CourseCatalog Catalog,
    IReadOnlyList<AssignedCourse> Courses,
    IReadOnlyList<MemberLine> Members,
    double CompletionRate,
    double? AverageBestScore,
    IReadOnlyList<MemberLine> Inactive,
    IReadOnlyList<QuestionDifficulty> Questions,
    DateTime QuizStatsComputedAt,
    DateOnly Today)
{
    public const int InactiveDays = 7;
}

public sealed record AssignedCourse(string Slug, string Title, DateTime? DueAt, int Done, int InProgress, int Overdue, int NotStarted)
{
    /// <summary>The Vietnamese day the course is due by (<see cref="DueAt"/> is the first instant after it).</summary>
    public DateOnly? DueDay => DueAt is { } due ? VietnamClock.DayOf(due.AddTicks(-1)) : null;
}

public sealed record MemberLine(Guid LearnerId, string Name, string? Phone, IReadOnlyList<CellStatus> Cells, DateOnly? LastActive);

/// <summary>How often a question of an assigned quiz was answered wrong: what the trainer should explain again.</summary>
public sealed record QuestionDifficulty(string CourseSlug, string QuizId, string QuestionId, string Prompt, int Answers, int Wrong)
{
    public double WrongShare => Answers == 0 ? 0 : (double)Wrong / Answers;
}

/// <summary>The dashboard's read model: one group the caller runs, as its trainers see it now. It writes nothing.</summary>
public sealed class GroupDashboards(AppDbContext db, ICourseCatalogSource catalogs, CommuneDirectory communes, IGrainFactory grains,
    VietnamClock clock, IStringLocalizer<GroupText> text)
{
    /// <summary>The dashboard of the group, or null when the caller does not run it (pages answer 404, so ids reveal nothing).</summary>
    public async Task<GroupDashboard?> LoadAsync(HttpContext caller, Guid groupId)
    {
        if (await db.Visible(caller).AsNoTracking().FirstOrDefaultAsync(g => g.Id == groupId) is not { } group)
        {
            return null;
        }
        var quizStats = await grains.GetGrain<IGroupQuizStatsGrain>(group.Id).Get();
        return await LoadAsync(group, catalogs.Current, quizStats, clock.UtcNow);
    }

    async Task<GroupDashboard> LoadAsync(GroupRow group, CourseCatalog catalog, GroupQuizStats quizStats, DateTime nowUtc)
    {
        var deletedName = text["DeletedAccount"].Value;
        var assignments = await db.Assignments.AsNoTracking().Where(a => a.GroupId == group.Id).OrderBy(a => a.AssignedAt).ToListAsync();
        var slugs = assignments.Select(a => a.CourseSlug).ToList();
        var memberIds = db.GroupMembers.Where(m => m.GroupId == group.Id).Select(m => m.LearnerId);

        var people = await db.GroupMembers.Where(m => m.GroupId == group.Id)
            .GroupJoin(db.Users, m => m.LearnerId, u => u.Id, (m, users) => new { m.LearnerId, users })
            .SelectMany(x => x.users.DefaultIfEmpty(), (x, u) => new
            {
                x.LearnerId,
                Name = u == null ? null : u.FullName,
                Phone = u == null ? null : u.UserName,
                LastActive = db.LearnerDays.Where(d => d.LearnerId == x.LearnerId).Max(d => (DateOnly?)d.Day),
            })
            .ToListAsync();
        var enrolments = (await db.CourseEnrolments.Where(e => slugs.Contains(e.CourseSlug) && memberIds.Contains(e.LearnerId))
            .Select(e => new { e.LearnerId, e.CourseSlug, Done = e.CompletedAt != null }).ToListAsync())
            .ToDictionary(e => (e.LearnerId, e.CourseSlug), e => e.Done);
        var today = VietnamClock.DayOf(nowUtc);
        CellStatus Status(Guid learner, AssignmentRow assignment) =>
            enrolments.TryGetValue((learner, assignment.CourseSlug), out var done) && done ? CellStatus.Done
            : assignment.DueAt is { } due && due <= nowUtc ? CellStatus.Overdue
            : enrolments.ContainsKey((learner, assignment.CourseSlug)) ? CellStatus.InProgress
            : CellStatus.NotStarted;

        var members = people
            .Select(p => new MemberLine(p.LearnerId, p.Name ?? deletedName, p.Phone,
                [.. assignments.Select(a => Status(p.LearnerId, a))], p.LastActive))
            .OrderByName(m => m.Name)
            .ToList();
        var courses = assignments.Select((a, i) => new AssignedCourse(a.CourseSlug, catalog.Find(a.CourseSlug)?.Title ?? a.CourseSlug, a.DueAt,
            members.Count(m => m.Cells[i] == CellStatus.Done), members.Count(m => m.Cells[i] == CellStatus.InProgress),
            members.Count(m => m.Cells[i] == CellStatus.Overdue), members.Count(m => m.Cells[i] == CellStatus.NotStarted))).ToList();
        var cells = members.Count * assignments.Count;
        var inactiveSince = today.AddDays(-GroupDashboard.InactiveDays);
        var questions = quizStats.Questions.Where(a => slugs.Contains(a.CourseSlug))
            .Select(a => new QuestionDifficulty(a.CourseSlug, a.QuizId, a.QuestionId, Prompt(catalog, a.CourseSlug, a.QuizId, a.QuestionId), a.Answers, a.Wrong))
            .OrderByDescending(q => q.WrongShare).ThenBy(q => q.CourseSlug).ThenBy(q => q.QuizId).ThenBy(q => q.QuestionId)
            .ToList();
        return new GroupDashboard(group, communes.NameOf(group.Commune), catalog, courses, members,
            cells == 0 ? 0 : (double)courses.Sum(c => c.Done) / cells,
            quizStats.AverageBestScore,
            [.. members.Where(m => m.LastActive is null || m.LastActive < inactiveSince)],
            questions, quizStats.ComputedAt, today);
    }

    static string Prompt(CourseCatalog catalog, string courseSlug, string quizId, string questionId)
    {
        var course = catalog.Find(courseSlug);
        var quiz = course?.FinalQuiz?.Id == quizId ? course.FinalQuiz : course?.Lessons.FirstOrDefault(l => l.Quiz?.Id == quizId)?.Quiz;
        return quiz?.Questions.FirstOrDefault(q => q.Id == questionId) is { } question ? PlainText.OfInlineHtml(question.PromptHtml) : questionId;
    }
}
