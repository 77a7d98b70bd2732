using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace BinhDanHocVuSo.Benchmarks;

/// <summary>A lesson page address.</summary>
public sealed record LessonPage(string Course, string Lesson)
{
    public string Path => $"/c/{Course}/{Lesson}";
}

/// <summary>
/// A lesson quiz and a valid answer to it as the JSON <c>answers</c> object (first option, steps as shown), with the draw
/// id of the page it was read from: a quiz that draws some of its questions is graded on that page's draw.
/// </summary>
public sealed record QuizTemplate(string Course, string QuizId, string AnswersJson, int Questions, string? DrawId = null)
{
    public string AttemptsPath => $"/api/courses/{Course}/quizzes/{QuizId}/attempts";
}

/// <summary>What the running platform offers: every lesson page, and the quizzes found in them.</summary>
public sealed partial class Catalogue(IReadOnlyList<LessonPage> lessons, IReadOnlyList<QuizTemplate> quizzes)
{
    public IReadOnlyList<LessonPage> Lessons => lessons;
    public IReadOnlyList<QuizTemplate> Quizzes => quizzes;

    public static async Task<Catalogue> LoadAsync(HttpClient http, bool withQuizzes, CancellationToken cancel)
    {
        var courses = await http.GetFromJsonAsync<List<CourseJson>>("/api/courses", cancel)
            ?? throw new BenchException("GET /api/courses returned nothing");
        var lessons = courses.SelectMany(c => c.Lessons.Select(l => new LessonPage(c.Slug, l.Slug))).ToList();
        if (lessons.Count == 0)
        {
            throw new BenchException("the catalogue has no lessons");
        }
        var quizzes = new List<QuizTemplate>();
        if (withQuizzes)
        {
            foreach (var lesson in lessons)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, lesson.Path);
                using var response = await http.SendAsync(request, cancel);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    throw new BenchException($"GET {lesson.Path} answered {(int)response.StatusCode}");
                }
                var html = await response.Content.ReadAsStringAsync(cancel);
                if (QuizFrom(lesson.Course, html) is { } quiz)
                {
                    quizzes.Add(quiz);
                }
            }
        }
        return new Catalogue(lessons, quizzes);
    }

    /// <summary>Reads the quiz form of a lesson page: radio/checkbox <c>q.{question}</c> fields and <c>o.{question}.{step}</c> selects.</summary>
    static QuizTemplate? QuizFrom(string course, string html)
    {
        var form = QuizForm().Match(html);
        if (!form.Success)
        {
            return null;
        }
        var answers = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (Match m in OptionField().Matches(html))
        {
            var question = WebUtility.HtmlDecode(m.Groups["q"].Value);
            if (!answers.ContainsKey(question))
            {
                answers[question] = [WebUtility.HtmlDecode(m.Groups["v"].Value)];
            }
        }
        foreach (Match m in OrderField().Matches(html))
        {
            // An order answer lists every step id; the steps as shown on the page make a valid (usually wrong) answer.
            var question = WebUtility.HtmlDecode(m.Groups["q"].Value);
            if (!answers.TryGetValue(question, out var steps))
            {
                answers[question] = steps = [];
            }
            steps.Add(WebUtility.HtmlDecode(m.Groups["s"].Value));
        }
        var json = new StringBuilder("{");
        foreach (var (question, values) in answers)
        {
            if (json.Length > 1)
            {
                json.Append(',');
            }
            json.Append(JsonSerializer.Serialize(question)).Append(":[")
                .AppendJoin(',', values.Select(v => JsonSerializer.Serialize(v))).Append(']');
        }
        json.Append('}');
        var draw = DrawField().Match(html);
        return new QuizTemplate(course, WebUtility.HtmlDecode(form.Groups["id"].Value), json.ToString(), answers.Count,
            draw.Success ? draw.Groups["d"].Value : null);
    }

    [GeneratedRegex("""<form class="quiz"[^>]*data-quiz="(?<id>[^"]+)"[^>]*>""")]
    private static partial Regex QuizForm();

    [GeneratedRegex("""<input type="(radio|checkbox)" name="q\.(?<q>[^"]+)" value="(?<v>[^"]+)">""")]
    private static partial Regex OptionField();

    [GeneratedRegex("""<input type="hidden" name="drawId" value="(?<d>[0-9a-f-]{36})">""")]
    private static partial Regex DrawField();

    [GeneratedRegex("""<select name="o\.(?<q>[^".]+)\.(?<s>[^"]+)">""")]
    private static partial Regex OrderField();

    sealed record CourseJson(string Slug, List<LessonJson> Lessons);

    sealed record LessonJson(string Slug);
}
