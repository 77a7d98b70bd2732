namespace BinhDanHocVuSo.Web.Features.Home;

/// <summary>The home page: every course with the learner's progress, and "Tiếp tục học" at the top.</summary>
public sealed class IndexModel(ICourseCatalogSource catalog, LearnerIdentity identity, IGrainFactory grains, AppDbContext db, TimeProvider clock) : PageModel
{
    public IReadOnlyList<LearnerAssignment> Assigned { get; private set; } = [];
    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>A course a trainer assigned to one of the learner's groups; the earliest due date wins.</summary>
    public sealed record LearnerAssignment(Course Course, DateTime? DueAt);

    public IReadOnlyList<Course> Courses { get; private set; } = [];
    public LearnerOverview? Overview { get; private set; }
    public Course? ContinueCourse { get; private set; }
    public Lesson? ContinueLesson { get; private set; }

    public async Task OnGetAsync()
    {
        Courses = catalog.Current.Courses;
        if (LearnerIdentity.SignedIn(HttpContext) is { } me)
        {
            var assignments = await db.GroupMembers.Where(m => m.LearnerId == me)
                .Join(db.Groups.Where(g => g.ArchivedAt == null), m => m.GroupId, g => g.Id, (m, g) => g.Id)
                .Join(db.Assignments, id => id, a => a.GroupId, (id, a) => new { a.CourseSlug, a.DueAt })
                .ToListAsync();
            Assigned = [.. assignments.GroupBy(a => a.CourseSlug)
                .Select(g => (Course: catalog.Current.Find(g.Key), DueAt: g.Min(a => a.DueAt)))
                .Where(a => a.Course is not null)
                .OrderBy(a => a.DueAt ?? DateTime.MaxValue)
                .Select(a => new LearnerAssignment(a.Course!, a.DueAt))];
        }
        if (identity.Find(HttpContext) is { } learnerId)
        {
            Overview = await grains.GetGrain<ILearnerGrain>(learnerId).GetOverview();
            ContinueCourse = Overview.ContinueCourseSlug is { } slug ? catalog.Current.Find(slug) : null;
            ContinueLesson = Overview.ContinueLessonSlug is { } lesson ? ContinueCourse?.FindLesson(lesson)?.Lesson : null;
        }
    }

    /// <summary>Where a due review is practised, and what the link says: the lesson's page, or the course page for its final quiz.</summary>
    public ReviewLinkView? ReviewLink(ReviewSuggestion review)
    {
        if (catalog.Current.Find(review.CourseSlug) is not { } course)
        {
            return null;
        }
        return review.LessonSlug is { } slug && course.FindLesson(slug)?.Lesson is { } lesson
            ? new ReviewLinkView($"/c/{course.Slug}/{lesson.Slug}", lesson.Title, IsFinal: false)
            : new ReviewLinkView($"/c/{course.Slug}", course.Title, IsFinal: true);
    }

    /// <summary>A link to practise a due review: several objectives of one quiz make one link.</summary>
    public sealed record ReviewLinkView(string Href, string Title, bool IsFinal);

    public CourseProgress? ProgressOf(string courseSlug) => Overview?.Courses.FirstOrDefault(c => c.CourseSlug == courseSlug);
}
