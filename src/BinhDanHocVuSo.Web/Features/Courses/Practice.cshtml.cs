using BinhDanHocVuSo.Content.Practice;
using Microsoft.AspNetCore.Html;
using Simulation = BinhDanHocVuSo.Content.Practice.Practice;

namespace BinhDanHocVuSo.Web.Features.Courses;

/// <summary>
/// One screen of a lesson's simulation, for a phone without JavaScript: each tap of the lesson's phone asks for
/// <c>/c/{course}/{lesson}/practice/{id}?path=0.2</c>, the choices tapped so far, and the server plays that path
/// (<see cref="Simulation.Walk"/>) and answers with the screen it reaches, or with the trap's explanation.
/// The state is in the address only: this GET never writes.
/// </summary>
public sealed class PracticeModel(ICourseCatalogSource catalog) : PageModel
{
    public Course Course { get; private set; } = null!;
    public Lesson Lesson { get; private set; } = null!;
    public Simulation Practice { get; private set; } = null!;
    public HtmlString ScreenHtml { get; private set; } = HtmlString.Empty;

    public IActionResult OnGet([FromRoute] string course, [FromRoute] string lesson, [FromRoute] string practice, [FromQuery] string? path)
    {
        if (catalog.Current.Find(course) is not { } foundCourse || foundCourse.FindLesson(lesson) is not { IsAlias: false, Lesson: var foundLesson }
            || foundLesson.FindExercise(practice).Practice is not { } foundPractice)
        {
            return NotFound();
        }
        (Course, Lesson, Practice) = (foundCourse, foundLesson, foundPractice);
        if (Simulation.ParsePath(path) is not { } steps || foundPractice.Walk(steps) is not { } walk)
        {
            // An address typed or cut short: start the run again rather than guess.
            return Redirect($"/c/{course}/{lesson}/practice/{practice}");
        }
        ScreenHtml = new HtmlString(PracticeHtml.RenderScreen(foundPractice, $"/c/{course}/{lesson}", walk, steps));
        return Page();
    }
}
