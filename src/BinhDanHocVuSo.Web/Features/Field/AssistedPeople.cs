namespace BinhDanHocVuSo.Web.Features.Field;

/// <summary>
/// What a team member fills in to register a citizen they help ("Hướng dẫn tại nhà", or a visit recorded offline).
/// <paramref name="Kind"/> is one of <see cref="AssistedKinds"/>.
/// </summary>
public sealed record AssistedPersonForm(string? Kind, string? Phone, string? HouseholdPhone, string? FullName, int? BirthYear, string? VillageId, bool Consent);

/// <param name="Person">The registered (or found again) person; null when <paramref name="Problem"/> says why not.</param>
/// <param name="Created">False when the id or the person's own number was registered before.</param>
/// <param name="Problem">What is wrong, in Vietnamese.</param>
/// <param name="Field">The form field the problem is about: kind, phone, householdPhone, fullName, birthYear, villageId or consent.</param>
public sealed record AssistedRegistration(AssistedPersonRow? Person, bool Created, string? Problem, string? Field)
{
    public static AssistedRegistration Refused(string field, string problem) => new(null, false, problem, field);
}

/// <summary>
/// The citizens a team registers and helps. Each is an account without a password (nobody can sign in to it; the
/// person takes it over by signing up with their own number), of the team's commune and the village where the team met
/// them, so every progress figure counts them like anyone else; <see cref="AssistedPersonRow"/> says how the team knows
/// them and when they consented.
/// </summary>
public sealed class AssistedPeople(AppDbContext db, UserManager<AppUser> users, VietnamClock clock, IStringLocalizer<SharedResource> text)
{
    /// <summary>The oldest year of birth accepted.</summary>
    public const int FirstBirthYear = 1900;

    /// <summary>
    /// The start of the user name of a person not known by their own number. User names are digits only; "000" and the
    /// id's digits is never a mobile number, so nobody signs in with it or signs up with it.
    /// </summary>
    public const string UserNamePrefix = "000";

    /// <summary>The user name of a person registered without their own number.</summary>
    public static string UserNameWithoutPhone(Guid personId) =>
        UserNamePrefix + new System.Numerics.BigInteger(personId.ToByteArray(), isUnsigned: true).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Registers the person under <paramref name="team"/> with the id the member's phone chose. The same id again finds the
    /// person registered then (a form sent twice, a visit sent again), and so does an own number already registered.
    /// A number that is a real account's is refused: that person signs in themselves.
    /// </summary>
    public async Task<AssistedRegistration> RegisterAsync(Guid personId, TeamRow team, Guid memberId, AssistedPersonForm form, CancellationToken cancellationToken)
    {
        if (await db.AssistedPeople().AsNoTracking().FirstOrDefaultAsync(p => p.UserId == personId, cancellationToken) is { } known)
        {
            return known.TeamId == team.Id ? new AssistedRegistration(known, false, null, null)
                : AssistedRegistration.Refused("personId", text.Field("AssistedIdTaken"));
        }
        if (personId == Guid.Empty || await db.Users.AnyAsync(u => u.Id == personId, cancellationToken))
        {
            return AssistedRegistration.Refused("personId", text.Field("AssistedIdTaken"));
        }
        var (checkedForm, refused) = await CheckAsync(team, form, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }
        if (checkedForm.Phone is { } own && await db.AssistedPeople().AsNoTracking().FirstOrDefaultAsync(p => p.Phone == own, cancellationToken) is { } same)
        {
            return same.TeamId == team.Id || same.Commune == team.Commune ? new AssistedRegistration(same, false, null, null)
                : AssistedRegistration.Refused("phone", text.Field("AssistedPhoneElsewhere"));
        }
        if (checkedForm.Phone is { } number && await users.FindByNameAsync(number) is not null)
        {
            return AssistedRegistration.Refused("phone", text.Field("AssistedPhoneHasAccount"));
        }

        var now = clock.UtcNow;
        var person = new AssistedPersonRow
        {
            UserId = personId, TeamId = team.Id, Commune = team.Commune, VillageId = checkedForm.VillageId!, Kind = checkedForm.Kind!,
            Phone = checkedForm.Phone, HouseholdPhone = checkedForm.HouseholdPhone, FullName = checkedForm.FullName!, BirthYear = checkedForm.BirthYear,
            ConsentAt = now, RegisteredBy = memberId, RegisteredAt = now,
        };
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            // A caller's transaction is joined (a visit keeps all its people or none); else the registration is its own.
            await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
            var user = new AppUser
            {
                Id = personId, UserName = person.Phone ?? UserNameWithoutPhone(personId), PhoneNumber = person.Phone ?? person.HouseholdPhone,
                FullName = person.FullName, Commune = team.Commune, CreatedAt = now,
            };
            var created = await users.CreateAsync(user);
            if (!created.Succeeded)
            {
                // Another request registered the same number or id a moment ago.
                if (transaction is not null)
                {
                    await transaction.RollbackAsync(cancellationToken);
                    db.ChangeTracker.Clear();
                }
                return await db.AssistedPeople().AsNoTracking().FirstOrDefaultAsync(p => p.UserId == personId || (person.Phone != null && p.Phone == person.Phone), cancellationToken) is { } raced
                    && raced.TeamId == team.Id
                    ? new AssistedRegistration(raced, false, null, null)
                    : AssistedRegistration.Refused("phone", text.Field("AssistedPhoneHasAccount"));
            }
            await users.AddToRoleAsync(user, Roles.Learner);
            db.LearnerVillages().Add(new LearnerVillageRow { UserId = personId, VillageId = person.VillageId, ChosenAt = now });
            db.AssistedPeople().Add(person);
            await db.SaveChangesAsync(cancellationToken);
            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }
            return new AssistedRegistration(person, true, null, null);
        });
    }

    /// <summary>The people of these teams, the most recently registered first.</summary>
    public async Task<IReadOnlyList<AssistedPersonRow>> OfTeamsAsync(IReadOnlyCollection<Guid> teams, CancellationToken cancellationToken) =>
        await db.AssistedPeople().AsNoTracking().Where(p => teams.Contains(p.TeamId))
            .OrderByDescending(p => p.RegisteredAt).ToListAsync(cancellationToken);

    /// <summary>The form with its numbers normalised and its text trimmed, or the first problem found.</summary>
    async Task<(AssistedPersonForm Form, AssistedRegistration? Refused)> CheckAsync(TeamRow team, AssistedPersonForm form, CancellationToken cancellationToken)
    {
        var name = form.FullName?.Trim().Normalize(NormalizationForm.FormC);
        var thisYear = clock.Today.Year;
        var phone = form.Kind == AssistedKinds.Phone ? PhoneNumber.Normalize(form.Phone) : null;
        var household = form.Kind == AssistedKinds.Household ? PhoneNumber.Normalize(form.HouseholdPhone) : null;
        AssistedRegistration? refused =
            form.Kind is not (AssistedKinds.Phone or AssistedKinds.Household or AssistedKinds.NoPhone) ? AssistedRegistration.Refused("kind", text.Field("AssistedBadKind"))
            : form.Kind == AssistedKinds.Phone && phone is null ? AssistedRegistration.Refused("phone", text.Field("AssistedBadPhone"))
            : form.Kind == AssistedKinds.Household && household is null ? AssistedRegistration.Refused("householdPhone", text.Field("AssistedBadHouseholdPhone"))
            : string.IsNullOrWhiteSpace(name) || name.Length > Limits.Title ? AssistedRegistration.Refused("fullName", text.Field("AssistedBadName"))
            : form.BirthYear is { } year && (year < FirstBirthYear || year > thisYear) ? AssistedRegistration.Refused("birthYear", text.Field("AssistedBadBirthYear", FirstBirthYear, thisYear))
            : form.Kind == AssistedKinds.NoPhone && form.BirthYear is null ? AssistedRegistration.Refused("birthYear", text.Field("AssistedBadBirthYear", FirstBirthYear, thisYear))
            : !form.Consent ? AssistedRegistration.Refused("consent", text.Field("AssistedNoConsent"))
            : null;
        if (refused is null && !await db.TeamVillages().AnyAsync(v => v.TeamId == team.Id && v.VillageId == form.VillageId, cancellationToken))
        {
            refused = AssistedRegistration.Refused("villageId", text.Field("AssistedBadVillage"));
        }
        return (form with { FullName = name, Phone = phone, HouseholdPhone = household }, refused);
    }
}
