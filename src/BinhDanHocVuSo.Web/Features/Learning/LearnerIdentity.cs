using System.Security.Claims;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Caching.Memory;

namespace BinhDanHocVuSo.Web.Features.Learning;

/// <summary>
/// Who is learning on this request: the signed-in person (their account id is their learner id), or
/// until they sign in a guest learner kept by a protected cookie, so that someone who scans a QR code at a
/// counter can read and answer at once. An account never takes a guest's id (its history is copied from the guest
/// at sign-up or sign-in), and a guest cookie carrying an account's id is refused, so a copied guest cookie never
/// opens an account's history. A team member guiding a citizen (see <c>Field.Guiding</c>) learns as that citizen.
/// </summary>
public sealed class LearnerIdentity(IDataProtectionProvider protection, IMemoryCache cache)
{
    public const string GuestCookie = "bdhvs.guest";
    static readonly object RefusedGuest = new();
    static readonly object GuestRead = new();
    static readonly object ActingFor = new();
    static readonly TimeSpan RememberChecked = TimeSpan.FromMinutes(10);
    readonly IDataProtector _protector = protection.CreateProtector("BinhDanHocVuSo.GuestLearner.v1");

    /// <summary>
    /// The learner id of this request: the citizen a signed-in team member is guiding, else the signed-in person, else
    /// the guest; null when there is none of them.
    /// </summary>
    public Guid? Find(HttpContext http) => Acting(http) ?? SignedIn(http) ?? Guest(http);

    /// <summary>The citizen the signed-in team member is guiding on this request, once the guiding cookie was accepted.</summary>
    public static Guid? Acting(HttpContext http) => http.Items[ActingFor] as Guid?;

    /// <summary>Makes <paramref name="learner"/> this request's learner: called only once the guiding cookie was checked.</summary>
    public static void ActFor(HttpContext http, Guid learner) => http.Items[ActingFor] = learner;

    /// <summary>The account id of the signed-in person, if any.</summary>
    public static Guid? SignedIn(HttpContext http) =>
        Guid.TryParse(http.User.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    /// <summary>The guest learner kept by this browser's cookie, if any. The cookie is read once per request.</summary>
    public Guid? Guest(HttpContext http)
    {
        if (http.Items.ContainsKey(RefusedGuest))
        {
            return null;
        }
        if (!http.Items.TryGetValue(GuestRead, out var known))
        {
            known = Read(http);
            http.Items[GuestRead] = known;
        }
        return (Guid?)known;
    }

    /// <summary>
    /// The guest id in this request's cookie. A cookie once opened is remembered by its exact value for a while: the
    /// same protected value always holds the same id, and opening it costs more than the rest of a lesson page.
    /// </summary>
    Guid? Read(HttpContext http)
    {
        if (!http.Request.Cookies.TryGetValue(GuestCookie, out var value) || string.IsNullOrEmpty(value))
        {
            return null;
        }
        if (cache.TryGetValue((GuestRead, value), out Guid remembered))
        {
            return remembered;
        }
        try
        {
            if (Guid.TryParse(_protector.Unprotect(value), out var id))
            {
                cache.Set((GuestRead, value), id, new MemoryCacheEntryOptions { SlidingExpiration = RememberChecked });
                return id;
            }
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            // A cookie from another key ring or a tampered one: treat the visitor as new.
        }
        return null;
    }

    /// <summary>The learner id of this request, creating a guest learner (and its cookie) when needed.</summary>
    public Guid FindOrCreate(HttpContext http)
    {
        if (Find(http) is { } id)
        {
            return id;
        }
        id = Guid.NewGuid();
        // The new guest is this request's learner from now on, also for a later Find.
        http.Items.Remove(RefusedGuest);
        http.Items[GuestRead] = id;
        http.Response.Cookies.Append(GuestCookie, _protector.Protect(id.ToString()), new CookieOptions
        {
            HttpOnly = true,
            Secure = http.Request.IsHttps,
            SameSite = SameSiteMode.Lax,
            IsEssential = true,
            MaxAge = TimeSpan.FromDays(365),
        });
        return id;
    }

    /// <summary>Forgets the guest once their history belongs to an account.</summary>
    public static void ForgetGuest(HttpContext http) => http.Response.Cookies.Delete(GuestCookie);

    /// <summary>
    /// Before the request is served: a guest cookie whose id is an account's id counts as no cookie (the visitor
    /// becomes a new guest). Every guest id is looked up once in a while, not at every request: a guest id that is
    /// not an account's never becomes one.
    /// </summary>
    public async Task RefuseAccountIdsAsync(HttpContext http)
    {
        if (SignedIn(http) is not null || Guest(http) is not { } guest)
        {
            return;
        }
        if (!cache.TryGetValue((RefusedGuest, guest), out bool isAccount))
        {
            isAccount = await http.RequestServices.GetRequiredService<AppDbContext>().Users.AnyAsync(u => u.Id == guest, http.RequestAborted);
            cache.Set((RefusedGuest, guest), isAccount, new MemoryCacheEntryOptions { SlidingExpiration = RememberChecked });
        }
        if (isAccount)
        {
            http.Items[RefusedGuest] = true;
        }
    }
}
