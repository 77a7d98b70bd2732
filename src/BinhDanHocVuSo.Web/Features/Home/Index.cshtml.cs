using BinhDanHocVuSo.Content.Courses;
using BinhDanHocVuSo.Web.Features.Courses;
using BinhDanHocVuSo.Web.Features.Learning;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BinhDanHocVuSo.Web.Features.Home;

/// <summary>The home page: every course with the learner's progress, and "Tiếp tục học" at the top.</summary>
public sealed class IndexModel(ICourseCatalogSource catalog, LearnerIdentity identity, IGrainFactory grains) : PageModel
{
    public IReadOnlyList<Course> Courses { get; private set; } = [];
    public LearnerOverview? Overview { get; private set; }
    public Course? ContinueCourse { get; private set; }
    public Lesson? ContinueLesson { get; private set; }

    public async Task OnGetAsync()
    {
        Courses = catalog.Current.Courses;
        if (identity.Find(HttpContext) is { } learnerId)
        {
            Overview = await grains.GetGrain<ILearnerGrain>(learnerId).GetOverview();
            ContinueCourse = Overview.ContinueCourseSlug is { } slug ? catalog.Current.Find(slug) : null;
            ContinueLesson = Overview.ContinueLessonSlug is { } lesson ? ContinueCourse?.FindLesson(lesson)?.Lesson : null;
        }
    }

    public CourseProgress? ProgressOf(string courseSlug) => Overview?.Courses.FirstOrDefault(c => c.CourseSlug == courseSlug);
}
