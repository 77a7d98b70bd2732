namespace BinhDanHocVuSo.Web.Features.Groups;

/// <summary>What became of a trainer's change to a group: done, refused with a reason to show, or no such group for the caller.</summary>
public readonly record struct GroupChange(bool Found, string? Problem)
{
    public static readonly GroupChange Done = new(true, null);
    public static readonly GroupChange NotFound = new(false, null);

    public static GroupChange Refused(string problem) => new(true, problem);
}

/// <summary>
/// The one writer of groups: every user action that creates a group, changes who is in it, what it is assigned or how it
/// is run goes through here, one method per action. Trainers' actions are checked against <see cref="GroupAccess"/> (a group
/// the caller does not run is "not found") and <see cref="CommuneScope"/>. After a change of members or assigned courses
/// commits, the group's <see cref="IGroupQuizStatsGrain"/> drops its snapshot, so the next view of the dashboard shows
/// figures computed after the change.
/// </summary>
public sealed class GroupRoster(AppDbContext db, UserManager<AppUser> users, CommuneDirectory communes, ICourseCatalogSource catalog,
    IGrainFactory grains, TimeProvider clock, IStringLocalizer<GroupText> text)
{
    /// <summary>Creates a group in one of the caller's communes, with the caller as its trainer; or says why not.</summary>
    public async Task<(GroupRow? Group, string? Problem)> CreateAsync(HttpContext caller, string? name, string? commune)
    {
        var problem = NameProblem(name, out var cleanName)
            ?? (communes.Find(commune) is null ? text["CommuneRequired"].Value
                : !(await db.OfCallerAsync(caller)).Covers(commune!) ? text["CommuneNotAssigned"].Value
                : null);
        if (problem is not null)
        {
            return (null, problem);
        }
        var me = Me(caller);
        var group = new GroupRow { Id = Guid.NewGuid(), Name = cleanName, Commune = commune!, JoinCode = JoinCodes.New(), CreatedBy = me, CreatedAt = Now };
        db.Groups.Add(group);
        db.GroupTrainers.Add(new GroupTrainerRow { GroupId = group.Id, TrainerId = me });
        await db.SaveChangesAsync();
        return (group, null);
    }

    /// <summary>Assigns a course (again: then only its due date changes), due by the end of that Vietnamese day if a date is given.</summary>
    public Task<GroupChange> AssignAsync(HttpContext caller, Guid groupId, string? course, DateOnly? due) => ChangeAsync(caller, groupId, refresh: true, async group =>
    {
        if (catalog.Current.Find(course ?? "") is null)
        {
            return text["UnknownCourse"];
        }
        if (DueProblem(due) is { } late)
        {
            return late;
        }
        DateTime? dueAt = due is { } day ? VietnamClock.EndOfDayUtc(day) : null;
        if (await db.Assignments.FindAsync(group.Id, course) is { } existing)
        {
            existing.DueAt = dueAt;
        }
        else
        {
            db.Assignments.Add(new AssignmentRow { GroupId = group.Id, CourseSlug = course!, DueAt = dueAt, AssignedAt = Now, AssignedBy = Me(caller) });
        }
        return null;
    });

    /// <summary>
    /// Why a due date cannot be given: a day already past in Vietnam (members would be overdue the moment it is
    /// assigned). Today is allowed: due by the end of today. Null when there is no date or it is fine.
    /// </summary>
    public string? DueProblem(DateOnly? due) =>
        due is { } day && day < VietnamClock.DayOf(Now)
            ? text["DueInPast", day.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture), VietnamClock.DayOf(Now).ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture)].Value
            : null;

    /// <summary>
    /// Assigns the courses not yet assigned, due by the end of <paramref name="due"/> if given (those already assigned
    /// stay as they are): the survey report's recommendations. Null when the caller does not run the group; otherwise how
    /// many were added. The caller checks <paramref name="due"/> with <see cref="DueProblem"/> first.
    /// </summary>
    public async Task<int?> AssignAllAsync(HttpContext caller, Guid groupId, IReadOnlyCollection<string> courses, DateOnly? due = null)
    {
        DateTime? dueAt = DueProblem(due) is null && due is { } day ? VietnamClock.EndOfDayUtc(day) : null;
        var added = 0;
        var change = await ChangeAsync(caller, groupId, refresh: true, async group =>
        {
            var existing = await db.Assignments.Where(a => a.GroupId == group.Id).Select(a => a.CourseSlug).ToListAsync();
            var adding = courses.Where(c => catalog.Current.Find(c) is not null).Distinct().Except(existing).ToList();
            db.Assignments.AddRange(adding.Select(slug => new AssignmentRow { GroupId = group.Id, CourseSlug = slug, DueAt = dueAt, AssignedAt = Now, AssignedBy = Me(caller) }));
            added = adding.Count;
            return null;
        });
        return change.Found ? added : null;
    }

    /// <summary>Unassigns a course: its row goes, the members' progress in it stays.</summary>
    public Task<GroupChange> UnassignAsync(HttpContext caller, Guid groupId, string? course) => ChangeAsync(caller, groupId, refresh: true, async group =>
    {
        db.Assignments.RemoveRange(await db.Assignments.Where(a => a.GroupId == group.Id && a.CourseSlug == course).ToListAsync());
        return null;
    });

    /// <summary>
    /// Invites a learner by phone number. Nobody is added without accepting: a registered learner of the caller's communes
    /// gets an invitation they accept on <c>/join</c>; the outcome is the same whether or not the number has an account
    /// (or is already in the group), so that it reveals nothing about who is registered.
    /// </summary>
    public Task<GroupChange> InviteAsync(HttpContext caller, Guid groupId, string? phone) => ChangeAsync(caller, groupId, refresh: false, async group =>
    {
        if (PhoneNumber.Normalize(phone) is not { } normalized)
        {
            return text["PhoneInvalid"];
        }
        if (await users.FindByNameAsync(normalized) is { } user && (await db.OfCallerAsync(caller)).Covers(user.Commune)
            && !await db.GroupMembers.AnyAsync(m => m.GroupId == group.Id && m.LearnerId == user.Id)
            && !await db.GroupInvitations.AnyAsync(i => i.GroupId == group.Id && i.LearnerId == user.Id))
        {
            db.GroupInvitations.Add(new GroupInvitationRow { GroupId = group.Id, LearnerId = user.Id, InvitedAt = Now, InvitedBy = Me(caller) });
        }
        return null;
    });

    /// <summary>
    /// Adds a co-trainer: only a trainer (or admin) whose communes include the group's. An unknown number, a learner and a
    /// trainer of other communes get the same answer.
    /// </summary>
    public Task<GroupChange> AddTrainerAsync(HttpContext caller, Guid groupId, string? phone) => ChangeAsync(caller, groupId, refresh: false, async group =>
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

    public Task<GroupChange> RenameAsync(HttpContext caller, Guid groupId, string? name) => ChangeAsync(caller, groupId, refresh: false, group =>
    {
        var problem = NameProblem(name, out var cleanName);
        if (problem is null)
        {
            group.Name = cleanName;
        }
        return Task.FromResult(problem);
    });

    /// <summary>Archives an open group, or opens an archived one again.</summary>
    public Task<GroupChange> ToggleArchivedAsync(HttpContext caller, Guid groupId) => ChangeAsync(caller, groupId, refresh: false, group =>
    {
        group.ArchivedAt = group.ArchivedAt is null ? Now : null;
        return Task.FromResult<string?>(null);
    });

    /// <summary>The open group with this join code (typed in any case, with spaces around), or null.</summary>
    public Task<GroupRow?> FindByCodeAsync(string? code)
    {
        var normalized = code?.Trim().ToUpperInvariant();
        return normalized is null ? Task.FromResult<GroupRow?>(null) : db.Groups.FirstOrDefaultAsync(g => g.JoinCode == normalized && g.ArchivedAt == null);
    }

    /// <summary>The learner joins the open group of this code themselves (an invitation to it is used up); null: no such group.</summary>
    public async Task<GroupRow?> JoinByCodeAsync(Guid learner, string? code)
    {
        if (await FindByCodeAsync(code) is not { } group)
        {
            return null;
        }
        await BecomeMemberAsync(group, learner);
        return group;
    }

    /// <summary>The learner accepts an invitation to an open group and becomes a member; null: no such invitation.</summary>
    public async Task<GroupRow?> AcceptInvitationAsync(Guid learner, Guid groupId)
    {
        if (await db.Groups.FirstOrDefaultAsync(g => g.Id == groupId && g.ArchivedAt == null
                && db.GroupInvitations.Any(i => i.GroupId == g.Id && i.LearnerId == learner)) is not { } group)
        {
            return null;
        }
        await BecomeMemberAsync(group, learner);
        return group;
    }

    /// <summary>The learner declines an invitation: it goes away and nothing else changes.</summary>
    public Task DeclineInvitationAsync(Guid learner, Guid groupId) =>
        db.GroupInvitations.Where(i => i.GroupId == groupId && i.LearnerId == learner).ExecuteDeleteAsync();

    /// <summary>
    /// The group of each name of an import: the trainer's open group of that name, or a new one in the commune of the
    /// first row naming it (its id added to <paramref name="created"/>, for <see cref="UndoImportAsync"/>).
    /// </summary>
    public async Task<Dictionary<string, Guid>> ImportGroupsAsync(Guid trainerId, IEnumerable<(string Name, string Commune)> named,
        List<Guid> created, CancellationToken cancellationToken)
    {
        var groups = new Dictionary<string, Guid>();
        foreach (var (name, commune) in named.DistinctBy(n => n.Name))
        {
            var existing = await db.Groups.Where(g => g.Name == name && g.ArchivedAt == null)
                .Where(g => db.GroupTrainers.Any(t => t.GroupId == g.Id && t.TrainerId == trainerId))
                .Select(g => (Guid?)g.Id).FirstOrDefaultAsync(cancellationToken);
            if (existing is { } id)
            {
                groups[name] = id;
                continue;
            }
            var group = new GroupRow { Id = Guid.NewGuid(), Name = name, Commune = commune, JoinCode = JoinCodes.New(), CreatedBy = trainerId, CreatedAt = Now };
            db.Groups.Add(group);
            db.GroupTrainers.Add(new GroupTrainerRow { GroupId = group.Id, TrainerId = trainerId });
            groups[name] = group.Id;
            created.Add(group.Id);
        }
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return groups;
    }

    /// <summary>Places one batch of newly imported accounts (already committed) in their groups, in one short transaction.</summary>
    public async Task PlaceImportedAsync(IReadOnlyCollection<(Guid GroupId, Guid LearnerId)> placements, CancellationToken cancellationToken)
    {
        if (placements.Count == 0)
        {
            return;
        }
        var now = Now;
        db.GroupMembers.AddRange(placements.Select(p => new GroupMemberRow { GroupId = p.GroupId, LearnerId = p.LearnerId, JoinedAt = now }));
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        await RefreshAsync(placements.Select(p => p.GroupId));
    }

    /// <summary>Takes back what a stopped import did to groups: its accounts' memberships and the groups it created.</summary>
    public async Task UndoImportAsync(IReadOnlyCollection<Guid> learners, IReadOnlyCollection<Guid> createdGroups)
    {
        var touched = new HashSet<Guid>(createdGroups);
        foreach (var chunk in learners.Chunk(AccountImport.BatchSize))
        {
            touched.UnionWith(await db.GroupMembers.Where(m => chunk.Contains(m.LearnerId)).Select(m => m.GroupId).Distinct().ToListAsync());
            await db.GroupMembers.Where(m => chunk.Contains(m.LearnerId)).ExecuteDeleteAsync();
        }
        await db.GroupMembers.Where(m => createdGroups.Contains(m.GroupId)).ExecuteDeleteAsync();
        await db.GroupTrainers.Where(t => createdGroups.Contains(t.GroupId)).ExecuteDeleteAsync();
        await db.Groups.Where(g => createdGroups.Contains(g.Id)).ExecuteDeleteAsync();
        await RefreshAsync(touched);
    }

    async Task BecomeMemberAsync(GroupRow group, Guid learner)
    {
        if (!await db.GroupMembers.AnyAsync(m => m.GroupId == group.Id && m.LearnerId == learner))
        {
            db.GroupMembers.Add(new GroupMemberRow { GroupId = group.Id, LearnerId = learner, JoinedAt = Now });
        }
        db.GroupInvitations.RemoveRange(await db.GroupInvitations.Where(i => i.GroupId == group.Id && i.LearnerId == learner).ToListAsync());
        await db.SaveChangesAsync();
        await RefreshAsync([group.Id]);
    }

    /// <summary>Applies one change to a group the caller runs, and commits it unless it was refused.</summary>
    async Task<GroupChange> ChangeAsync(HttpContext caller, Guid groupId, bool refresh, Func<GroupRow, Task<string?>> change)
    {
        if (await db.FindVisibleAsync(caller, groupId) is not { } group)
        {
            return GroupChange.NotFound;
        }
        if (await change(group) is { } problem)
        {
            db.ChangeTracker.Clear();
            return GroupChange.Refused(problem);
        }
        await db.SaveChangesAsync();
        if (refresh)
        {
            await RefreshAsync([group.Id]);
        }
        return GroupChange.Done;
    }

    /// <summary>After a committed change of members or assigned courses: the next view computes the groups' quiz figures afresh.</summary>
    Task RefreshAsync(IEnumerable<Guid> groupIds) =>
        Task.WhenAll(groupIds.Distinct().Select(id => grains.GetGrain<IGroupQuizStatsGrain>(id).Forget()));

    string? NameProblem(string? name, out string cleanName) => GroupName.Clean(name, out cleanName) switch
    {
        GroupName.Problem.Missing => text["GroupNameRequired"].Value,
        GroupName.Problem.ControlCharacter => text["GroupNameControlCharacter"].Value,
        GroupName.Problem.TooLong => text["GroupNameTooLong", Limits.Title].Value,
        _ => null,
    };

    static Guid Me(HttpContext caller) => LearnerIdentity.SignedIn(caller)!.Value;

    DateTime Now => clock.GetUtcNow().UtcDateTime;
}
