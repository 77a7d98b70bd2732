using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BinhDanHocVuSo.Web.Features.Visits;

/// <summary>
/// <c>POST /api/visits</c>: where a team member's phone sends the visits it kept offline (<c>wwwroot/js/visits.js</c>).
/// JSON only: a page of another site cannot send JSON here without the browser asking first (CORS), which this site never
/// allows, so a form or plain text is refused (415) and the content type is this API's anti-forgery check, as for quiz
/// attempts. A refusal is a problem with a Vietnamese reason and, for a 400, the field it is about (<c>field</c>).
/// </summary>
public static class VisitsApi
{
    public static IEndpointRouteBuilder MapVisitsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/visits", Record).WithTags("Visits").Accepts<VisitRequest>("application/json")
            .RequireAuthorization(Policies.SignedIn);
        return app;
    }

    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    static async Task<Results<Ok<VisitResult>, ProblemHttpResult>> Record(HttpContext http, VisitRecorder recorder, IStringLocalizer<VisitText> text)
    {
        if (!http.User.IsInRole(Roles.Trainer) || LearnerIdentity.SignedIn(http) is not { } member)
        {
            return Problem(StatusCodes.Status403Forbidden, text["NotMember"], null);
        }
        VisitRequest? request;
        try
        {
            request = await JsonSerializer.DeserializeAsync<VisitRequest>(http.Request.Body, Json, http.RequestAborted);
        }
        catch (JsonException e)
        {
            var field = Field(e.Path);
            return Problem(StatusCodes.Status400BadRequest, field is null ? text["NotJson"] : text["Unreadable", field], field);
        }
        if (request is null)
        {
            return Problem(StatusCodes.Status400BadRequest, text["NotJson"], null);
        }
        var outcome = await recorder.RecordAsync(member, request, http.RequestAborted);
        if (outcome.Result is { } result)
        {
            return TypedResults.Ok(result);
        }
        if (outcome.Status == StatusCodes.Status503ServiceUnavailable)
        {
            http.Response.Headers.RetryAfter = "5";
        }
        return Problem(outcome.Status, outcome.Problem!, outcome.Field);
    }

    static ProblemHttpResult Problem(int status, string detail, string? field) => TypedResults.Problem(detail, statusCode: status,
        extensions: field is null ? null : new Dictionary<string, object?> { ["field"] = field });

    /// <summary>A JSON path as the reader reports it (<c>$.people[1].birthYear</c>) as a field name (<c>people[1].birthYear</c>).</summary>
    static string? Field(string? path) => path is null or "$" ? null : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;
}
