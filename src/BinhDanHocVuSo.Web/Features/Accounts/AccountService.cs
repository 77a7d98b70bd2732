using BinhDanHocVuSo.Web.Data;
using BinhDanHocVuSo.Web.Features.Learning;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace BinhDanHocVuSo.Web.Features.Accounts;

/// <summary>Sign-up and sign-in, keeping everything the person did as a guest on this phone.</summary>
public sealed class AccountService(UserManager<AppUser> users, SignInManager<AppUser> signIn, LearnerIdentity identity,
    IGrainFactory grains, AppDbContext db, TimeProvider clock)
{
    public async Task<IdentityResult> RegisterAsync(HttpContext http, string phone, string fullName, string commune, string password)
    {
        var guest = identity.Guest(http);
        // The guest's learner id becomes the account's id, so their history is theirs without copying it,
        // unless that id already belongs to an account (a shared phone).
        var id = guest is { } g && !await db.Users.AnyAsync(u => u.Id == g) ? g : Guid.NewGuid();
        var user = new AppUser
        {
            Id = id, UserName = phone, PhoneNumber = phone, FullName = fullName.Trim(), Commune = commune,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return created;
        }
        await users.AddToRoleAsync(user, Roles.Learner);
        await signIn.SignInAsync(user, isPersistent: true);
        await AdoptGuestAsync(http, user);
        return created;
    }

    public async Task<SignInResult> SignInAsync(HttpContext http, string phone, string password, bool remember)
    {
        var result = await signIn.PasswordSignInAsync(phone, password, remember, lockoutOnFailure: true);
        if (result.Succeeded && await users.FindByNameAsync(phone) is { } user)
        {
            await AdoptGuestAsync(http, user);
        }
        return result;
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
