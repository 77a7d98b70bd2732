using Microsoft.AspNetCore.OutputCaching;

namespace BinhDanHocVuSo.Web.Features.Courses;

/// <summary>
/// Lesson pages for visitors without cookies (the people who scan a poster) are the same for everyone: they are
/// kept compressed in the output cache for a minute, so a crowd at a counter costs almost nothing. Anyone with a
/// cookie gets the kept lesson page with their own anti-forgery token, attempt id and progress added (see
/// <see cref="LessonShell"/>): the output cache never holds anyone's own parts.
/// </summary>
public static class LessonCache
{
    public const string Policy = "lesson";

    public static void AddLessonCache(this OutputCacheOptions options) =>
        options.AddPolicy(Policy, policy => policy
            .With(context => QuizPage.IsCookieless(context.HttpContext))
            .SetVaryByHeader("Accept-Encoding")
            .Expire(TimeSpan.FromMinutes(1)));
}
