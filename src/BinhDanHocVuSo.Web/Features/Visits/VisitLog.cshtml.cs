namespace BinhDanHocVuSo.Web.Features.Visits;

/// <summary>
/// <c>/visits</c>: a team member's visit log. "Đang chờ gửi" is the phone's queue, read by <c>visits.js</c> from the
/// phone's storage (the server cannot know it); "Đã gửi" is what the server kept, newest first.
/// </summary>
[Authorize(Policy = Policies.Trainer)]
public sealed class VisitLogModel(VisitRecorder recorder) : PageModel
{
    public const int Shown = 100;

    public IReadOnlyList<(VisitRow Visit, string Village, int People, int Lessons)> Sent { get; private set; } = [];
    public (VisitRow Visit, string Village, int People, int Lessons)? Recorded { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? recorded, CancellationToken cancellationToken)
    {
        var member = LearnerIdentity.SignedIn(HttpContext)!.Value;
        if ((await recorder.PlacesAsync(member, cancellationToken)).Count == 0)
        {
            return Forbid();
        }
        Sent = await recorder.LogAsync(member, Shown, cancellationToken);
        Recorded = Sent.Where(s => s.Visit.Id == recorded).Select(s => ((VisitRow, string, int, int)?)s).FirstOrDefault();
        return Page();
    }
}
