namespace BinhDanHocVuSo.Web.Features.Visits;

/// <summary>
/// <c>/visits/new</c>: the visit form of a team member. Without JavaScript it is an ordinary form: the page makes the visit
/// id and each person's id, so pressing "Lưu chuyến thăm" twice records once, and "Thêm một người" posts the form back
/// with one more person. With JavaScript (<c>visits.js</c>) the same form is kept in the phone's queue and sent to
/// <c>POST /api/visits</c>, so it works from the service worker's saved copy without a connection.
/// </summary>
[Authorize(Policy = Policies.Trainer)]
public sealed class NewVisitModel(VisitRecorder recorder, ICourseCatalogSource catalog, VietnamClock clock) : PageModel
{
    public IReadOnlyList<TeamPlaces> Places { get; private set; } = [];
    public IReadOnlyList<Course> Courses => catalog.Current.Courses;
    public VisitRequest Draft { get; private set; } = null!;
    public string? Error { get; private set; }
    public string? ErrorField { get; private set; }

    /// <summary>The select's value for a village of a team: a village may be covered by two of the member's teams.</summary>
    public static string PlaceValue(Guid team, string village) => $"{team}|{village}";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }
        Draft = new VisitRequest(Guid.NewGuid(), Places[0].Team.Id, null, clock.Today, null, null, [NewPerson()]);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }
        Draft = FromForm(Request.Form);
        var outcome = await recorder.RecordAsync(LearnerIdentity.SignedIn(HttpContext)!.Value, Draft, cancellationToken);
        if (outcome.Result is { } result)
        {
            return Redirect($"/visits?recorded={result.VisitId}");
        }
        Error = outcome.Problem;
        ErrorField = outcome.Field;
        Response.StatusCode = outcome.Status;
        return Page();
    }

    /// <summary>"Thêm một người" without JavaScript: the same form back, with what was typed and one more person.</summary>
    public async Task<IActionResult> OnPostMoreAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }
        var draft = FromForm(Request.Form);
        var people = draft.People ?? [];
        Draft = draft with { People = people.Count >= VisitRecorder.MaxPeople ? people : [.. people, NewPerson()] };
        return Page();
    }

    async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        Places = await recorder.PlacesAsync(LearnerIdentity.SignedIn(HttpContext)!.Value, cancellationToken);
        return Places.Count == 0 ? Forbid() : null;
    }

    static VisitPersonRequest NewPerson() => new(Guid.NewGuid(), AssistedKinds.Phone, null, null, null, null, false, []);

    /// <summary>The form's fields as the API's request, so that both go through the same checks.</summary>
    static VisitRequest FromForm(IFormCollection form)
    {
        string? Value(string name) => form[name].FirstOrDefault() is { Length: > 0 } v ? v : null;
        var place = Value("place")?.Split('|', 2);
        Guid.TryParse(Value("visitId"), out var visitId);
        Guid team = default;
        if (place is { Length: 2 })
        {
            Guid.TryParse(place[0], out team);
        }
        var people = new List<VisitPersonRequest>();
        for (var i = 0; i < VisitRecorder.MaxPeople && form.ContainsKey($"people[{i}].personId"); i++)
        {
            var prefix = $"people[{i}].";
            Guid.TryParse(Value(prefix + "personId"), out var personId);
            // One number field: the person's own or a household member's, as the kind chosen says.
            var (kind, number) = (Value(prefix + "kind"), Value(prefix + "phone"));
            people.Add(new VisitPersonRequest(personId, kind, kind == AssistedKinds.Household ? null : number, kind == AssistedKinds.Household ? number : null, Value(prefix + "fullName"),
                int.TryParse(Value(prefix + "birthYear"), NumberStyles.None, CultureInfo.InvariantCulture, out var year) ? year : null,
                form[prefix + "consent"].Contains("true"),
                [.. form[prefix + "lessons"].Select(l => l?.Split('/', 2)).Where(l => l is { Length: 2 }).Select(l => new VisitLesson(l![0], l[1]))]));
        }
        return new VisitRequest(visitId, team, place is { Length: 2 } ? place[1] : null,
            DateOnly.TryParseExact(Value("visitedOn"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null,
            Value("note"), null, people);
    }
}
