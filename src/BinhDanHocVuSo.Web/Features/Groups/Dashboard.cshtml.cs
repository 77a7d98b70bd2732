using System.Text;
using BinhDanHocVuSo.Content.Assessments.Export;
using BinhDanHocVuSo.Content.Courses;
using BinhDanHocVuSo.Web.Data;
using BinhDanHocVuSo.Web.Features.Accounts;
using BinhDanHocVuSo.Web.Features.Courses;
using BinhDanHocVuSo.Web.Features.Learning;
using BinhDanHocVuSo.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace BinhDanHocVuSo.Web.Features.Groups;

/// <summary>
/// A group's dashboard for its trainers: members × assigned courses, completion, scores, who needs a visit,
/// which questions to explain again; and the actions that shape the group (assign, members, co-trainers).
/// </summary>
[Authorize(Policy = Policies.Trainer)]
public sealed class DashboardModel(AppDbContext db, ICourseCatalogSource catalog, UserManager<AppUser> users, CommuneDirectory communes,
    TimeProvider clock, IGrainFactory grains, PublicAddress address, IStringLocalizer<GroupText> text) : PageModel
{
    const int PageSize = 50;

    public GroupDashboard Dashboard { get; private set; } = null!;
    public CourseCatalog Catalog => catalog.Current;
    public string CommuneName => communes.NameOf(Dashboard.Group.Commune);
    public string JoinUrl => JoinUrlOf(Dashboard.Group);
    public string? Message { get; private set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;
    [BindProperty(SupportsGet = true)] public bool Print { get; set; }
    public int PageCount => Math.Max(1, (Dashboard.Members.Count + PageSize - 1) / PageSize);
    public IEnumerable<MemberLine> PageOfMembers => Print ? Dashboard.Members : Dashboard.Members.Skip((PageNumber - 1) * PageSize).Take(PageSize);

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnGetExportAsync(Guid id, string? format)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        var header = new List<string> { text["Name"] };
        header.AddRange(Dashboard.Courses.Select(c => c.Title));
        header.Add(text["LastActiveColumn"]);
        var rows = Dashboard.Members.Select(m =>
        {
            var row = new List<string> { m.Name };
            row.AddRange(m.Cells.Select(cell => text["Status." + cell].Value));
            row.Add(m.LastActive?.ToString("yyyy-MM-dd") ?? "");
            return row;
        }).ToList();
        var name = $"nhom-{Dashboard.Group.JoinCode.ToLowerInvariant()}";
        if (string.Equals(format, "xlsx", StringComparison.OrdinalIgnoreCase))
        {
            // MiniExcel writes every string as a text cell, never as a formula.
            var sheet = rows.Select(r => header.Zip(r).ToDictionary(p => p.First, p => (object?)p.Second)).ToList();
            var stream = new MemoryStream();
            await stream.SaveAsAsync(sheet, excelType: ExcelType.XLSX);
            stream.Position = 0;
            return File(stream, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx");
        }
        // The shared CSV writer makes a name such as "=HYPERLINK(…)" text; the byte-order mark makes spreadsheets read UTF-8.
        var csv = Csv.Write([header, .. rows]);
        return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray(), "text/csv; charset=utf-8", name + ".csv");
    }

    public Task<IActionResult> OnPostAssignAsync(Guid id, string? course, DateOnly? due) => Change(id, async group =>
    {
        if (catalog.Current.Find(course ?? "") is null)
        {
            return text["UnknownCourse"];
        }
        // A due date means the end of that day in Vietnam.
        DateTime? dueAt = due is { } d ? d.ToDateTime(new TimeOnly(23, 59, 59), DateTimeKind.Utc).AddHours(-7) : null;
        var existing = await db.Assignments.FindAsync(group.Id, course);
        if (existing is null)
        {
            db.Assignments.Add(new AssignmentRow { GroupId = group.Id, CourseSlug = course!, DueAt = dueAt, AssignedAt = Now, AssignedBy = Me });
        }
        else
        {
            existing.DueAt = dueAt;
        }
        return null;
    });

    public Task<IActionResult> OnPostUnassignAsync(Guid id, string? course) => Change(id, async group =>
    {
        await db.Assignments.Where(a => a.GroupId == group.Id && a.CourseSlug == course).ExecuteDeleteAsync();
        return null;
    });

    /// <summary>
    /// Invites a learner by phone number. Nobody is added without accepting: a registered learner of the caller's
    /// communes gets an invitation they accept on <c>/join</c>; the answer is the same whether or not the number has an
    /// account (or is already in the group), so the form reveals nothing about who is registered.
    /// </summary>
    public async Task<IActionResult> OnPostAddMemberAsync(Guid id, string? phone)
    {
        if (await db.FindVisibleAsync(HttpContext, id) is not { } group)
        {
            return NotFound();
        }
        if (PhoneNumber.Normalize(phone) is not { } normalized)
        {
            return await Refuse(id, text["PhoneInvalid"]);
        }
        var scope = await db.OfCallerAsync(HttpContext);
        if (await users.FindByNameAsync(normalized) is { } user && scope.Covers(user.Commune)
            && !await db.GroupMembers.AnyAsync(m => m.GroupId == group.Id && m.LearnerId == user.Id)
            && !await db.GroupInvitations.AnyAsync(i => i.GroupId == group.Id && i.LearnerId == user.Id))
        {
            db.GroupInvitations.Add(new GroupInvitationRow { GroupId = group.Id, LearnerId = user.Id, InvitedAt = Now, InvitedBy = Me });
            await db.SaveChangesAsync();
        }
        Message = text["Invited", PhoneNumber.Display(normalized), JoinUrlOf(group)];
        await LoadAsync(id);
        return Page();
    }

    /// <summary>
    /// Adds a co-trainer: only a trainer (or admin) whose communes include the group's. An unknown number, a learner and a
    /// trainer of other communes get the same answer.
    /// </summary>
    public Task<IActionResult> OnPostAddTrainerAsync(Guid id, string? phone) => Change(id, async group =>
    {
        var user = PhoneNumber.Normalize(phone) is { } normalized ? await users.FindByNameAsync(normalized) : null;
        var admin = user is not null && await users.IsInRoleAsync(user, Roles.Admin);
        var trainer = user is not null && !admin && await users.IsInRoleAsync(user, Roles.Trainer)
            && (await db.AssignedCommunesAsync(user.Id)).Contains(group.Commune);
        if (user is null || (!admin && !trainer))
        {
            return text["NotATrainerHere"];
        }
        if (!await db.GroupTrainers.AnyAsync(t => t.GroupId == group.Id && t.TrainerId == user.Id))
        {
            db.GroupTrainers.Add(new GroupTrainerRow { GroupId = group.Id, TrainerId = user.Id });
        }
        return null;
    });

    public Task<IActionResult> OnPostRenameAsync(Guid id, string? name) => Change(id, group =>
    {
        string? problem = GroupName.Clean(name, out var cleanName) switch
        {
            GroupName.Problem.Missing => text["GroupNameRequired"].Value,
            GroupName.Problem.ControlCharacter => text["GroupNameControlCharacter"].Value,
            GroupName.Problem.TooLong => text["GroupNameTooLong", Limits.Title].Value,
            _ => null,
        };
        if (problem is null)
        {
            group.Name = cleanName;
        }
        return Task.FromResult<string?>(problem);
    });

    public Task<IActionResult> OnPostArchiveAsync(Guid id) => Change(id, group =>
    {
        group.ArchivedAt = group.ArchivedAt is null ? Now : null;
        return Task.FromResult<string?>(null);
    });

    /// <summary>Applies one change to a group the caller runs; a refused change shows its reason on the dashboard.</summary>
    async Task<IActionResult> Change(Guid id, Func<GroupRow, Task<string?>> change)
    {
        if (await db.FindVisibleAsync(HttpContext, id) is not { } group)
        {
            return NotFound();
        }
        var problem = await change(group);
        if (problem is null)
        {
            await db.SaveChangesAsync();
            // The trainer expects the next view to reflect the change, not a snapshot taken before it.
            await grains.GetGrain<IGroupQuizStatsGrain>(group.Id).Forget();
            return Redirect($"/groups/{id}");
        }
        return await Refuse(id, problem);
    }

    async Task<IActionResult> Refuse(Guid id, string problem)
    {
        Message = problem;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync(id);
        return Page();
    }

    async Task<bool> LoadAsync(Guid id)
    {
        if (await db.FindVisibleAsync(HttpContext, id) is not { } group)
        {
            return false;
        }
        var quizStats = await grains.GetGrain<IGroupQuizStatsGrain>(group.Id).Get();
        Dashboard = await GroupDashboardQuery.LoadAsync(db, group, catalog.Current, quizStats, Now, text["DeletedAccount"]);
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        return true;
    }

    string JoinUrlOf(GroupRow group) => address.For(Request, $"/join/{group.JoinCode}");

    Guid Me => LearnerIdentity.SignedIn(HttpContext)!.Value;

    DateTime Now => clock.GetUtcNow().UtcDateTime;
}
