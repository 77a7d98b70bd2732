using Microsoft.AspNetCore.DataProtection;

namespace BinhDanHocVuSo.Web.Features.Learning;

/// <summary>
/// Who is learning on this request. Until a person signs in they are a guest learner, kept by a
/// protected cookie, so someone who scans a QR code at a counter can read and answer at once.
/// </summary>
public sealed class LearnerIdentity(IDataProtectionProvider protection)
{
    public const string GuestCookie = "bdhvs.guest";
    readonly IDataProtector _protector = protection.CreateProtector("BinhDanHocVuSo.GuestLearner.v1");

    /// <summary>The learner id of this request, or null when the browser has none yet.</summary>
    public Guid? Find(HttpContext http)
    {
        if (http.Request.Cookies.TryGetValue(GuestCookie, out var value))
        {
            try
            {
                if (Guid.TryParse(_protector.Unprotect(value), out var id))
                {
                    return id;
                }
            }
            catch (System.Security.Cryptography.CryptographicException)
            {
                // A cookie from another key ring or a tampered one: treat the visitor as new.
            }
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
}
