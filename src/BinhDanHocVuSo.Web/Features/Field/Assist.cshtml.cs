namespace BinhDanHocVuSo.Web.Features.Field;

/// <summary>
/// <c>/assist</c>, "Hướng dẫn tại nhà": a team member's citizens (those their teams registered), found by number or name,
/// with what each did with whom; "Bắt đầu hướng dẫn" starts guiding one of them on this phone, the banner's "Kết thúc" ends it.
/// Only members of a team reach it; a person of another team is not found (404).
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class AssistModel(AppDbContext db, FieldAccess access, AssistedPeople people, Guiding guiding, ICourseCatalogSource catalog,
    IStringLocalizer<AssistText> text) : PageModel
{
    /// <summary>How many of a person's latest assisted results the list shows (the person's page shows them all).</summary>
    const int ResultsShown = 3;

    [BindProperty(SupportsGet = true, Name = "q")] public string? Query { get; set; }

    public IReadOnlyList<AssistedPerson> People { get; private set; } = [];
    public int Total { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var teams = await TeamsAsync(cancellationToken);
        if (teams.Count == 0)
        {
            return Forbid();
        }
        var all = await people.OfTeamsAsync(teams, cancellationToken);
        Total = all.Count;
        var found = all.Where(p => Matches(p, Query)).ToList();
        People = await AssistedPerson.DescribeAsync(db, catalog.Current, text, found, ResultsShown, cancellationToken);
        return Page();
    }

    /// <summary>Starts guiding the person on this phone, then shows the courses with the person's progress.</summary>
    public async Task<IActionResult> OnPostStartAsync(Guid person, CancellationToken cancellationToken)
    {
        var teams = await TeamsAsync(cancellationToken);
        if (teams.Count == 0)
        {
            return Forbid();
        }
        if (!await db.AssistedPeople().AnyAsync(p => p.UserId == person && teams.Contains(p.TeamId), cancellationToken))
        {
            return NotFound();
        }
        guiding.Start(HttpContext, person, LearnerIdentity.SignedIn(HttpContext)!.Value);
        return Redirect("/");
    }

    /// <summary>Ends guiding on this phone (anyone signed in may end it, also after leaving the team).</summary>
    public IActionResult OnPostEnd()
    {
        Guiding.End(HttpContext);
        return Redirect("/assist");
    }

    async Task<IReadOnlyList<Guid>> TeamsAsync(CancellationToken cancellationToken) =>
        (await access.ReachAsync(HttpContext, cancellationToken)).Teams;

    /// <summary>A number (or part of it) matches the person's own or household number; other text a part of the name.</summary>
    static bool Matches(AssistedPersonRow person, string? query)
    {
        query = query?.Trim().Normalize(NormalizationForm.FormC);
        if (string.IsNullOrEmpty(query))
        {
            return true;
        }
        var digits = new string([.. query.Where(char.IsAsciiDigit)]);
        if (digits.Length >= 3 && digits.Length == query.Count(c => !char.IsWhiteSpace(c) && c is not ('.' or '-' or '+')))
        {
            var normal = PhoneNumber.Normalize(query) ?? digits;
            return (person.Phone?.Contains(normal, StringComparison.Ordinal) ?? false)
                || (person.HouseholdPhone?.Contains(normal, StringComparison.Ordinal) ?? false);
        }
        return CultureInfo.GetCultureInfo("vi-VN").CompareInfo.IndexOf(person.FullName, query, CompareOptions.IgnoreCase) >= 0;
    }
}

/// <summary>An assisted person as the team's pages show them: their village's name and their latest assisted results.</summary>
public sealed record AssistedPerson(AssistedPersonRow Row, string Village, IReadOnlyList<AssistedResult> Results)
{
    public static async Task<IReadOnlyList<AssistedPerson>> DescribeAsync(AppDbContext db, CourseCatalog catalog, IStringLocalizer<AssistText> text,
        IReadOnlyList<AssistedPersonRow> people, int resultsEach, CancellationToken cancellationToken)
    {
        var villageIds = people.Select(p => p.VillageId).Distinct().ToList();
        var villages = await db.Villages().AsNoTracking().Where(v => villageIds.Contains(v.Id)).ToDictionaryAsync(v => v.Id, v => v.Name, cancellationToken);
        var results = (await AssistedResults.OfAsync(db, catalog, text, [.. people.Select(p => p.UserId)], cancellationToken)).ToLookup(r => r.LearnerId);
        return [.. people.Select(p => new AssistedPerson(p, villages.GetValueOrDefault(p.VillageId, p.VillageId), [.. results[p.UserId].Take(resultsEach)]))];
    }

    /// <summary>How the team knows the person, as the pages say it.</summary>
    public string How(IStringLocalizer<AssistText> text) => Row.Kind switch
    {
        AssistedKinds.Phone => text["KnownByPhone", PhoneNumber.Display(Row.Phone ?? "")],
        AssistedKinds.Household => text["KnownByHousehold", PhoneNumber.Display(Row.HouseholdPhone ?? "")],
        _ => text["KnownNoPhone", Row.BirthYear ?? 0],
    };
}
