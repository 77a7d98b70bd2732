namespace BinhDanHocVuSo.Web.Features.Accounts;

/// <summary>The answer to a sign-in: signed in, wrong, or wrong too often (wait that many seconds).</summary>
public sealed record SignInOutcome(bool Succeeded, int SecondsToWait);

/// <summary>
/// The answer to a sign-up. <see cref="TookOver"/>: the number was a citizen's whom a community digital-technology team
/// registered (see <c>Field.AssistedPeople</c>); the person now owns that account and the progress made with the team.
/// </summary>
public sealed record SignUpOutcome(IdentityResult Result, bool TookOver);

/// <summary>Sign-up and sign-in, keeping everything the person did as a guest on this phone.</summary>
public sealed class AccountService(UserManager<AppUser> users, SignInManager<AppUser> signIn, IPasswordHasher<AppUser> hasher,
    LearnerIdentity identity, IGrainFactory grains, AppDbContext db, TimeProvider clock)
{
    // Checked against a wrong password when the number has no account, so that an unknown number takes as long to refuse as a known one.
    static readonly AppUser NobodyUser = new() { Id = Guid.Empty, FullName = "", Commune = "" };
    static string? _nobodyHash;

    public async Task<SignUpOutcome> RegisterAsync(HttpContext http, string phone, string fullName, string commune, string password)
    {
        if (await TakeOverAssistedAsync(http, phone, fullName, password) is { } tookOver)
        {
            return tookOver;
        }
        // Always a fresh id: the guest id is in a cookie that may have been copied, so it must never open the account.
        var user = new AppUser
        {
            Id = Guid.NewGuid(), UserName = phone, PhoneNumber = phone, FullName = fullName.Trim(), Commune = commune,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return new SignUpOutcome(created, false);
        }
        await users.AddToRoleAsync(user, Roles.Learner);
        await signIn.SignInAsync(user, isPersistent: true);
        await AdoptGuestAsync(http, user);
        return new SignUpOutcome(created, false);
    }

    /// <summary>
    /// Signing up with the own number of a citizen a team registered (known by that number, not yet taken over): the person
    /// takes over that account, which has no password until now. Their password is set, their name is the one they
    /// give, and what they learnt with the team, and as a guest on this phone, stays theirs. A number the team knew as a
    /// household member's is never taken over: the household member gets an account of their own. Null: not such a number.
    /// </summary>
    async Task<SignUpOutcome?> TakeOverAssistedAsync(HttpContext http, string phone, string fullName, string password)
    {
        var assisted = await db.AssistedPeople()
            .FirstOrDefaultAsync(p => p.Kind == AssistedKinds.Phone && p.Phone == phone && p.AdoptedAt == null, http.RequestAborted);
        if (assisted is null || await users.FindByIdAsync(assisted.UserId.ToString()) is not { } user || await users.HasPasswordAsync(user))
        {
            return null;
        }
        var added = await users.AddPasswordAsync(user, password);
        if (!added.Succeeded)
        {
            return new SignUpOutcome(added, false);
        }
        user.FullName = fullName.Trim();
        user.PhoneNumber = phone;
        await users.UpdateAsync(user);
        assisted.AdoptedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(http.RequestAborted);
        await signIn.SignInAsync(user, isPersistent: true);
        await AdoptGuestAsync(http, user);
        return new SignUpOutcome(added, true);
    }

    /// <summary>
    /// Signs in with the password. Wrong guesses are counted per number whether or not it has an account, and the
    /// answers (and their time) are the same for both: "wrong", then "wait N seconds".
    /// </summary>
    public async Task<SignInOutcome> SignInAsync(HttpContext http, string phone, string password, bool remember)
    {
        var throttle = AttemptThrottle.For(grains, AttemptThrottle.SignIn, phone);
        if (await throttle.SecondsToWait() is > 0 and var wait)
        {
            return new SignInOutcome(false, wait);
        }
        var user = await users.FindByNameAsync(phone);
        if (user is null)
        {
            hasher.VerifyHashedPassword(NobodyUser, _nobodyHash ??= hasher.HashPassword(NobodyUser, Guid.NewGuid().ToString()), password);
            return new SignInOutcome(false, await throttle.Failed());
        }
        var result = await signIn.PasswordSignInAsync(user, password, remember, lockoutOnFailure: false);
        if (!result.Succeeded)
        {
            return new SignInOutcome(false, await throttle.Failed());
        }
        await throttle.Clear();
        await AdoptGuestAsync(http, user);
        return new SignInOutcome(true, 0);
    }

    async Task AdoptGuestAsync(HttpContext http, AppUser user)
    {
        if (identity.Guest(http) is { } guest)
        {
            if (guest != user.Id)
            {
                await grains.GetGrain<ILearnerGrain>(user.Id).AdoptGuestHistory(guest);
            }
            LearnerIdentity.ForgetGuest(http);
        }
    }
}
