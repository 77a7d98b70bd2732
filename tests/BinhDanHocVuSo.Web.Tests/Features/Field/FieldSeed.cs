using System.Net;
using System.Text.RegularExpressions;
using BinhDanHocVuSo.Web.Data;
using BinhDanHocVuSo.Web.Features.Accounts;
using BinhDanHocVuSo.Web.Features.Field;
using BinhDanHocVuSo.Web.Tests.Features.Accounts;
using BinhDanHocVuSo.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace BinhDanHocVuSo.Web.Tests.Features.Field;

/// <summary>Villages, teams, targets and learners written straight to the database for the field specs, and the progress page read back.</summary>
static partial class FieldSeed
{
    public const string Course = "khoa-mau";

    public static async Task VillagesAsync(this Platform platform, params (string Id, string Name, int? Adults)[] villages)
    {
        await using var scope = platform.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.Villages().AddRange(villages.Select(v => new VillageRow
        {
            Id = v.Id, Commune = v.Id[..v.Id.LastIndexOf('/')], Name = v.Name, AdultPopulation = v.Adults, UpdatedAt = DateTime.UtcNow,
        }));
        await db.SaveChangesAsync();
    }

    public static async Task<Guid> TeamAsync(this Platform platform, string commune, string name, string[] villages, params Guid[] members)
    {
        await using var scope = platform.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var id = Guid.NewGuid();
        db.Teams().Add(new TeamRow { Id = id, Commune = commune, Name = name, CreatedAt = DateTime.UtcNow });
        db.TeamVillages().AddRange(villages.Select(v => new TeamVillageRow { TeamId = id, VillageId = v }));
        db.TeamMembers().AddRange(members.Select(m => new TeamMemberRow { TeamId = id, TrainerId = m }));
        await db.SaveChangesAsync();
        return id;
    }

    /// <summary>A course target of the province (commune null) or of a commune, set today and due in three months.</summary>
    public static async Task TargetAsync(this Platform platform, string? commune, int percent = 70, string course = Course)
    {
        await using var scope = platform.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var today = DateOnly.FromDateTime(Platform.Start.UtcDateTime);
        db.Targets().Add(new TargetRow
        {
            Id = Guid.NewGuid(), Commune = commune, Kind = FieldProgress.CourseKind, CourseSlug = course, Percent = percent,
            StartsOn = today, DueOn = today.AddMonths(3), CreatedAt = DateTime.UtcNow,
        });
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// Learner accounts of a commune without a password (nobody signs in as them), each with a village or none, and an
    /// enrolment in <paramref name="course"/> that is finished or not.
    /// </summary>
    public static async Task LearnersAsync(this Platform platform, string commune, string? village, int count, string course = Course, bool finished = true)
    {
        await using var scope = platform.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var at = new DateTime(2026, 11, 20, 3, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < count; i++)
        {
            var phone = People.NewPhone();
            var user = new AppUser
            {
                Id = Guid.NewGuid(), UserName = phone, NormalizedUserName = phone, PhoneNumber = phone, FullName = $"Người thử {phone[^4..]}",
                Commune = commune, CreatedAt = at, SecurityStamp = Guid.NewGuid().ToString("N"),
            };
            db.Users.Add(user);
            db.CourseEnrolments.Add(new CourseEnrolmentRow { LearnerId = user.Id, CourseSlug = course, StartedAt = at, CompletedAt = finished ? at.AddDays(1) : null });
            if (village is not null)
            {
                db.LearnerVillages().Add(new LearnerVillageRow { UserId = user.Id, VillageId = village, ChosenAt = at });
            }
        }
        await db.SaveChangesAsync();
    }

    public sealed record Row(string Key, string Count, string Base);

    /// <summary>The rows of each target's table on a progress page (lines, then the total), by target.</summary>
    public static IReadOnlyList<IReadOnlyList<Row>> Tables(string page) =>
        [.. Section().Matches(page).Select(section => (IReadOnlyList<Row>)[.. ProgressRow().Matches(section.Value).Select(m =>
            new Row(WebUtility.HtmlDecode(m.Groups[1].Value), WebUtility.HtmlDecode(m.Groups[2].Value).Trim(), WebUtility.HtmlDecode(m.Groups[3].Value).Trim()))])];

    /// <summary>A figure as the page writes it (Vietnamese thousands separator "."), as a number.</summary>
    public static int Number(string figure) => int.Parse(figure.Replace(".", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);

    public static string Outcome(HttpResponseMessage response) => response.StatusCode switch
    {
        HttpStatusCode.OK => "ok",
        HttpStatusCode.Redirect when response.Headers.Location!.AbsolutePath() == "/account/denied" => "denied",
        HttpStatusCode.Redirect when response.Headers.Location!.AbsolutePath() == "/account/login" => "login",
        _ => ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    [GeneratedRegex("<section class=\"field-target\">.*?</section>", RegexOptions.Singleline)]
    private static partial Regex Section();

    [GeneratedRegex("<tr data-key=\"([^\"]+)\">.*?<td data-figure=\"count\">([^<]*)</td><td>([^<]*)</td>", RegexOptions.Singleline)]
    private static partial Regex ProgressRow();
}
