using BinhDanHocVuSo.Content.Quizzes;

namespace BinhDanHocVuSo.Web.Features.Field;

/// <summary>A result a citizen earned with a team member's help, as the pages say it.</summary>
/// <param name="What">What was done, e.g. "Làm bài kiểm tra: Mật khẩu mạnh".</param>
/// <param name="Course">The course's title (its slug when the course is gone).</param>
public sealed record AssistedResult(Guid LearnerId, string What, string Course, string CourseSlug, string MemberName, DateTime At);

/// <summary>The assisted marks (<see cref="AssistedMarkRow"/>) of some citizens, newest first, with their member's name.</summary>
public static class AssistedResults
{
    public static async Task<IReadOnlyList<AssistedResult>> OfAsync(AppDbContext db, CourseCatalog catalog, IStringLocalizer<AssistText> text,
        IReadOnlyCollection<Guid> learners, CancellationToken cancellationToken)
    {
        if (learners.Count == 0)
        {
            return [];
        }
        var marks = await db.AssistedMarks().AsNoTracking().Where(m => learners.Contains(m.LearnerId))
            .Join(db.Users, m => m.MemberId, u => u.Id, (m, u) => new { Mark = m, u.FullName })
            .ToListAsync(cancellationToken);
        return [.. marks.OrderByDescending(m => m.Mark.At).Select(m => new AssistedResult(m.Mark.LearnerId, Describe(catalog, text, m.Mark),
            catalog.Find(m.Mark.CourseSlug)?.Title ?? m.Mark.CourseSlug, m.Mark.CourseSlug, m.FullName, m.Mark.At))];
    }

    /// <summary>"Học xong bài: …", "Làm bài kiểm tra: …" or "Thực hành: …", named by the lesson's or the practice's title.</summary>
    static string Describe(CourseCatalog catalog, IStringLocalizer<AssistText> text, AssistedMarkRow mark)
    {
        var course = catalog.Find(mark.CourseSlug);
        var lessons = course?.Lessons ?? [];
        return mark.Kind switch
        {
            AssistedMarks.Lesson => text["DidLesson", lessons.FirstOrDefault(l => l.Slug == mark.ItemSlug)?.Title ?? mark.ItemSlug],
            AssistedMarks.Quiz when mark.ItemSlug == Quiz.FinalQuizId => text["DidFinalQuiz", course?.Title ?? mark.CourseSlug],
            AssistedMarks.Quiz => text["DidQuiz", lessons.FirstOrDefault(l => l.Quiz?.Id == mark.ItemSlug)?.Title ?? mark.ItemSlug],
            _ => text["DidPractice", lessons.Select(l => l.FindExercise(mark.ItemSlug)).Select(e => e.Practice?.Title ?? e.Drill?.Title)
                .FirstOrDefault(t => t is not null) ?? mark.ItemSlug],
        };
    }
}
