using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BinhDanHocVuSo.Web.Features.Posters;

/// <summary>
/// <c>POST /api/posters/{code}/scans</c>: the page a poster's QR code opened (through <c>/q/{code}</c>) counts the scan,
/// from site.js's outbox. Anyone may send it, signed in or not.
/// </summary>
public static class PosterScansApi
{
    public static IEndpointRouteBuilder MapPosterScansApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/posters/{code}/scans", CountScan).WithTags("Posters").Accepts<ScanRequest>("application/json");
        return app;
    }

    /// <summary>A scan as the page sends it: an id the page made once for this scan, so a resend counts once.</summary>
    public sealed record ScanRequest(Guid ScanId);

    // Only JSON is accepted, like the learning API's: a form, which any other site could make a browser post, is refused
    // with 415 by routing (Accepts) before this runs; a JSON body from another site needs a CORS preflight, never allowed.
    static async Task<Results<NoContent, ProblemHttpResult>> CountScan(
        string code, HttpContext http, PlacedPosters posters, IStringLocalizer<SharedResource> text)
    {
        if (!http.Request.HasJsonContentType())
        {
            return Problem(text.Posters("ScanNotJson"), StatusCodes.Status415UnsupportedMediaType);
        }
        ScanRequest? request = null;
        try
        {
            request = await http.Request.ReadFromJsonAsync<ScanRequest>(http.RequestAborted);
        }
        catch (JsonException)
        {
        }
        if (request is null || request.ScanId == Guid.Empty)
        {
            return Problem(text.Posters("ScanMissingId"), StatusCodes.Status400BadRequest);
        }
        if (PlacedPosters.Normalize(code) is not { } normalized)
        {
            return Problem(text.Posters("UnknownCode", code), StatusCodes.Status404NotFound);
        }
        return await posters.CountScanAsync(normalized, request.ScanId, http.RequestAborted) switch
        {
            ScanOutcome.Counted or ScanOutcome.AlreadyCounted => TypedResults.NoContent(),
            ScanOutcome.UnknownPoster => Problem(text.Posters("UnknownCode", normalized), StatusCodes.Status404NotFound),
            _ => Problem(text.Posters("ScanOfOtherPoster"), StatusCodes.Status409Conflict),
        };
    }

    static ProblemHttpResult Problem(string detail, int status) => TypedResults.Problem(detail, statusCode: status);
}
