using BinhDanHocVuSo.Content.Courses;
using BinhDanHocVuSo.Web.Data;
using BinhDanHocVuSo.Web.Features.Accounts;
using BinhDanHocVuSo.Web.Features.Courses;
using BinhDanHocVuSo.Web.Features.Learning;
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
    TimeProvider clock, IGrainFactory grains, IStringLocalizer<GroupText> text) : PageModel
{
    const int PageSize = 50;

    public GroupDashboard Dashboard { get; private set; } = null!;
    public CourseCatalog Catalog => catalog.Current;
    public string CommuneName => communes.NameOf(Dashboard.Group.Commune);
    public string JoinUrl => $"{Request.Scheme}://{Request.Host}/join/{Dashboard.Group.JoinCode}";
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
        var rows = Dashboard.Members.Select(m =>
        {
            var row = new Dictionary<string, object?> { [text["Name"]] = m.Name };
            for (var i = 0; i < Dashboard.Courses.Count; i++)
            {
                row[Dashboard.Courses[i].Title] = text["Status." + m.Cells[i]].Value;
            }
            row["Lần cuối học"] = m.LastActive?.ToString("yyyy-MM-dd");
            return row;
        }).ToList();
        var stream = new MemoryStream();
        var xlsx = string.Equals(format, "xlsx", StringComparison.OrdinalIgnoreCase);
        await stream.SaveAsAsync(rows, excelType: xlsx ? ExcelType.XLSX : ExcelType.CSV);
        stream.Position = 0;
        var name = $"nhom-{Dashboard.Group.JoinCode.ToLowerInvariant()}.{(xlsx ? "xlsx" : "csv")}";
        return File(stream, xlsx ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv; charset=utf-8", name);
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

    public Task<IActionResult> OnPostAddMemberAsync(Guid id, string? phone) => Change(id, async group =>
    {
        if (await FindUser(phone) is not { } user)
        {
            return text["NoSuchAccount"];
        }
        if (await db.GroupMembers.AnyAsync(m => m.GroupId == group.Id && m.LearnerId == user.Id))
        {
            return text["AlreadyMember"];
        }
        db.GroupMembers.Add(new GroupMemberRow { GroupId = group.Id, LearnerId = user.Id, JoinedAt = Now });
        return null;
    });

    public Task<IActionResult> OnPostAddTrainerAsync(Guid id, string? phone) => Change(id, async group =>
    {
        if (await FindUser(phone) is not { } user)
        {
            return text["NoSuchAccount"];
        }
        if (!await users.IsInRoleAsync(user, Roles.Trainer) && !await users.IsInRoleAsync(user, Roles.Admin))
        {
            return text["NotATrainer"];
        }
        if (!await db.GroupTrainers.AnyAsync(t => t.GroupId == group.Id && t.TrainerId == user.Id))
        {
            db.GroupTrainers.Add(new GroupTrainerRow { GroupId = group.Id, TrainerId = user.Id });
        }
        return null;
    });

    public Task<IActionResult> OnPostRenameAsync(Guid id, string? name) => Change(id, group =>
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > Limits.Title)
        {
            return Task.FromResult<string?>(text["GroupNameRequired"]);
        }
        group.Name = name.Trim();
        return Task.FromResult<string?>(null);
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

    async Task<AppUser?> FindUser(string? phone) => PhoneNumber.Normalize(phone) is { } normalized ? await users.FindByNameAsync(normalized) : null;

    Guid Me => LearnerIdentity.SignedIn(HttpContext)!.Value;

    DateTime Now => clock.GetUtcNow().UtcDateTime;
}
