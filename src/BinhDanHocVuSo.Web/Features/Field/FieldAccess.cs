using BinhDanHocVuSo.Web.Features.Survey;

namespace BinhDanHocVuSo.Web.Features.Field;

/// <summary>
/// What a person reaches of the field work. An administrator: the province (every commune, team and target; loads the
/// villages). A commune's leader (an official whose latest survey response names the leadership position, as for the
/// survey report): their commune, whose teams and targets they also set. A team member (a trainer in a team): only the
/// villages of their teams, read only. Anyone else: nothing.
/// </summary>
public sealed record FieldReach(bool Province, string? LedCommune, IReadOnlyList<Guid> Teams)
{
    public static readonly FieldReach None = new(false, null, []);

    public bool Any => Province || LedCommune is not null || Teams.Count > 0;

    /// <summary>Whether the person sets teams and targets in the commune.</summary>
    public bool Manages(string commune) => Province || LedCommune == commune;

    /// <summary>Whether the person reads the whole commune (every village, team and target of it).</summary>
    public bool ReadsCommune(string commune) => Manages(commune);

    public bool ReadsTeam(TeamRow team) => Manages(team.Commune) || Teams.Contains(team.Id);
}

public sealed class FieldAccess(AppDbContext db, SurveyReports reports)
{
    public async Task<FieldReach> ReachAsync(HttpContext http, CancellationToken cancellationToken = default)
    {
        if (http.User.IsInRole(Roles.Admin))
        {
            return new FieldReach(true, null, []);
        }
        if (LearnerIdentity.SignedIn(http) is not { } me)
        {
            return FieldReach.None;
        }
        IReadOnlyList<Guid> teams = http.User.IsInRole(Roles.Trainer)
            ? await db.TeamMembers().Where(m => m.TrainerId == me).Select(m => m.TeamId).ToListAsync(cancellationToken)
            : [];
        string? led = null;
        if (http.User.IsInRole(Roles.Official) && !http.User.IsInRole(Roles.Trainer)
            && await reports.ReachAsync(http, cancellationToken) is { Reader: ReportReader.Leader, Communes: [var commune] })
        {
            led = commune;
        }
        return new FieldReach(false, led, teams);
    }
}
