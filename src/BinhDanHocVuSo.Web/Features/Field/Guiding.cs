using System.Text.Encodings.Web;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Caching.Memory;

namespace BinhDanHocVuSo.Web.Features.Field;

/// <summary>The citizen a team member is guiding on this request, and the team that knows them.</summary>
public sealed record GuidedPerson(Guid PersonId, string FullName, Guid TeamId, Guid MemberId);

/// <summary>
/// "Hướng dẫn tại nhà": while a team member guides a citizen on the member's own phone, what the member does in lessons,
/// quizzes and practice blocks is the citizen's (<see cref="LearnerIdentity.Find"/> answers the citizen's id). The state is
/// a protected, HttpOnly cookie naming the person, the member and when it ends (4 hours after it began). It counts only
/// for the member it names, signed in, a trainer, still a member of the person's team: checked at every request, the
/// database answer kept for 30 seconds, so a copied cookie opens nothing for anyone else and leaving the team ends it.
/// </summary>
public sealed class Guiding(IDataProtectionProvider protection, IMemoryCache cache, TimeProvider clock, IAntiforgery antiforgery,
    HtmlEncoder encoder, IStringLocalizer<AssistText> text)
{
    public const string Cookie = "bdhvs.guiding";

    /// <summary>Where the banner goes in a kept lesson shell (see <c>LessonShell</c>): a lesson page is shared, the banner is not.</summary>
    public const string Mark = "<!--guiding-->";

    /// <summary>The ViewData key that asks the layout to write <see cref="Mark"/> instead of this request's banner.</summary>
    public const string MarkKey = "GuidingMark";

    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(4);
    static readonly TimeSpan RememberChecked = TimeSpan.FromSeconds(30);
    static readonly object Current = new();
    static readonly object Opened = new();
    static readonly object Checked = new();
    readonly IDataProtector _protector = protection.CreateProtector("BinhDanHocVuSo.Guiding.v1");

    /// <summary>The person guided on this request, once <see cref="ResolveAsync"/> has accepted the cookie.</summary>
    public static GuidedPerson? Of(HttpContext http) => http.Items[Current] as GuidedPerson;

    /// <summary>Starts guiding <paramref name="person"/> on this browser (the member is the signed-in person).</summary>
    public void Start(HttpContext http, Guid person, Guid member)
    {
        var until = clock.GetUtcNow().Add(Lifetime).UtcTicks;
        http.Response.Cookies.Append(Cookie, _protector.Protect($"{person:N}.{member:N}.{until}"), new CookieOptions
        {
            HttpOnly = true,
            Secure = http.Request.IsHttps,
            SameSite = SameSiteMode.Lax,
            IsEssential = true,
            MaxAge = Lifetime,
        });
    }

    /// <summary>Ends guiding on this browser: what is done next is the member's own again.</summary>
    public static void End(HttpContext http) => http.Response.Cookies.Delete(Cookie);

    /// <summary>Before the request is served: accepts this browser's guiding cookie, or ignores it.</summary>
    public async Task ResolveAsync(HttpContext http)
    {
        if (!http.Request.Cookies.TryGetValue(Cookie, out var value) || string.IsNullOrEmpty(value)
            || LearnerIdentity.SignedIn(http) is not { } me || !http.User.IsInRole(Roles.Trainer)
            || Open(value) is not { } opened || opened.Member != me || opened.Until <= clock.GetUtcNow().UtcTicks)
        {
            return;
        }
        if (!cache.TryGetValue((Checked, me, opened.Person), out GuidedPerson? guided))
        {
            var db = http.RequestServices.GetRequiredService<AppDbContext>();
            guided = await db.AssistedPeople().AsNoTracking()
                .Where(p => p.UserId == opened.Person && db.TeamMembers().Any(m => m.TeamId == p.TeamId && m.TrainerId == me))
                .Select(p => new GuidedPerson(p.UserId, p.FullName, p.TeamId, me))
                .FirstOrDefaultAsync(http.RequestAborted);
            cache.Set((Checked, me, opened.Person), guided, RememberChecked);
        }
        if (guided is not null)
        {
            http.Items[Current] = guided;
            LearnerIdentity.ActFor(http, guided.PersonId);
        }
    }

    sealed record Opening(Guid Person, Guid Member, long Until);

    /// <summary>The cookie's content; a value once opened is remembered (opening costs more than the rest of a lesson page).</summary>
    Opening? Open(string value)
    {
        if (cache.TryGetValue((Opened, value), out Opening? remembered))
        {
            return remembered;
        }
        try
        {
            if (_protector.Unprotect(value).Split('.') is [var person, var member, var until]
                && Guid.TryParseExact(person, "N", out var personId) && Guid.TryParseExact(member, "N", out var memberId)
                && long.TryParse(until, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var ticks))
            {
                var opened = new Opening(personId, memberId, ticks);
                cache.Set((Opened, value), opened, new MemoryCacheEntryOptions { SlidingExpiration = TimeSpan.FromMinutes(10) });
                return opened;
            }
        }
        catch (CryptographicException)
        {
            // Forged, tampered or from another key ring: no guiding.
        }
        return null;
    }

    /// <summary>
    /// The banner of this request ("Đang hướng dẫn: … · Kết thúc"), or nothing when no one is guided. Written by the layout
    /// on every page, and as a personal part of a kept lesson page.
    /// </summary>
    public string Banner(HttpContext http)
    {
        if (Of(http) is not { } guided)
        {
            return "";
        }
        var token = antiforgery.GetAndStoreTokens(http);
        return $"<div class=\"guiding\" data-guiding=\"{guided.PersonId}\"><p>{encoder.Encode(text["Guiding"])} "
            + $"<strong>{encoder.Encode(guided.FullName)}</strong></p>"
            + $"<form method=\"post\" action=\"/assist?handler=end\"><input type=\"hidden\" name=\"{token.FormFieldName}\" value=\"{token.RequestToken}\">"
            + $"<button type=\"submit\" class=\"secondary\">{encoder.Encode(text["GuidingEnd"])}</button></form></div>";
    }
}
