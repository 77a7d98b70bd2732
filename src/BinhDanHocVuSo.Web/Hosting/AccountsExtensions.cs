using System.Threading.RateLimiting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.RateLimiting;

namespace BinhDanHocVuSo.Web.Hosting;

public static class AccountsExtensions
{
    public const string AttemptsLimit = "accounts";
    public const string JoinLimit = "join";
    public const string IssueResetLimit = "issue-reset";
    const int PerAddressFactor = 20;

    /// <summary>
    /// ASP.NET Core Identity on the platform's database (phone number as user name, password or 6-digit PIN),
    /// the role policies that page models name in <c>[Authorize(Policy = …)]</c>, data-protection keys in the database (shared by all silos),
    /// and a rate limit on sign-in, sign-up and reset.
    /// </summary>
    public static WebApplicationBuilder AddAccounts(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddValidatedOptions<AccountsOptions, AccountsOptionsValidator>(AccountsOptions.Section);
        var options = builder.StartupOptions(AccountsOptions.Section, new AccountsOptionsValidator());
        services.AddSingleton(CommuneDirectory.Load(
            Path.GetFullPath(options.CommunesPath ?? Path.Combine(AppContext.BaseDirectory, "Data", "Communes"), builder.Environment.ContentRootPath)));

        services.AddIdentity<AppUser, IdentityRole<Guid>>(identity =>
            {
                identity.User.RequireUniqueEmail = false;
                identity.User.AllowedUserNameCharacters = "0123456789";
                identity.Password.RequiredLength = 6;
                identity.Password.RequiredUniqueChars = 2;
                identity.Password.RequireDigit = false;
                identity.Password.RequireLowercase = false;
                identity.Password.RequireUppercase = false;
                identity.Password.RequireNonAlphanumeric = false;
                // No hard lockout (five guesses by anyone would lock the owner out): wrong passwords are throttled
                // per number by AttemptThrottleGrain, known or not, and a reset code always works.
                identity.Lockout.AllowedForNewUsers = false;
                identity.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddErrorDescriber<VietnameseIdentityErrors>()
            .AddClaimsPrincipalFactory<AppClaimsFactory>()
            .AddPasswordValidator<GuessablePasswordValidator>()
            .AddDefaultTokenProviders();
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = "bdhvs.auth";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.LoginPath = "/account/login";
            cookie.LogoutPath = "/account/logout";
            cookie.AccessDeniedPath = "/account/denied";
            cookie.ExpireTimeSpan = TimeSpan.FromDays(30);
            cookie.SlidingExpiration = true;
            cookie.Events.OnRedirectToLogin = context => Answer(context.HttpContext, context.RedirectUri, StatusCodes.Status401Unauthorized);
            cookie.Events.OnRedirectToAccessDenied = context => Answer(context.HttpContext, context.RedirectUri, StatusCodes.Status403Forbidden);
        });
        // A session is checked against its account this often: a new security stamp (password reset or changed, role
        // changed) or a deleted account ends it, and roles are read afresh. Identity's validator takes the TimeProvider.
        services.Configure<SecurityStampValidatorOptions>(stamp => stamp.ValidationInterval = TimeSpan.FromSeconds(options.SessionCheckSeconds));
        builder.AddProtectedKeys();

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.SignedIn, policy => policy.RequireAuthenticatedUser())
            .AddPolicy(Policies.Official, policy => policy.RequireRole(Roles.Official, Roles.Admin))
            .AddPolicy(Policies.Trainer, policy => policy.RequireRole(Roles.Trainer, Roles.Admin))
            .AddPolicy(Policies.Admin, policy => policy.RequireRole(Roles.Admin));

        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(AttemptsLimit, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "local",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = options.AttemptsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            // Guessing a group code or issuing reset codes: per person (a class on a commune hall's shared Wi-Fi must not be
            // stopped), and per address at PerAddressFactor times that, so that many accounts from one place cannot guess faster.
            limiter.AddPolicy(JoinLimit, http => PerPerson(http, JoinLimit, options.JoinAttemptsPerMinute));
            limiter.AddPolicy(IssueResetLimit, http => HttpMethods.IsGet(http.Request.Method)
                ? RateLimitPartition.GetNoLimiter("read")
                : PerPerson(http, IssueResetLimit, options.IssuedResetsPerMinute));
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                http.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName switch
                {
                    JoinLimit => PerMinute($"{JoinLimit}/{Address(http)}", PerAddressFactor * options.JoinAttemptsPerMinute),
                    IssueResetLimit when !HttpMethods.IsGet(http.Request.Method) => PerMinute($"{IssueResetLimit}/{Address(http)}", PerAddressFactor * options.IssuedResetsPerMinute),
                    _ => RateLimitPartition.GetNoLimiter(""),
                });
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                var text = context.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<AccountText>>();
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }
                context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                await context.HttpContext.Response.WriteAsync(text["TooManyRequests"], cancellationToken);
            };
        });

        services.AddMemoryCache();
        services.AddScoped<AuditLog>();
        services.AddScoped<AccountService>();
        services.AddScoped<ResetCodes>();
        services.AddScoped<AccountImport>();
        services.AddScoped<BinhDanHocVuSo.Web.Features.Groups.GroupRoster>();
        services.AddScoped<BinhDanHocVuSo.Web.Features.Groups.GroupDashboards>();
        services.AddSingleton<ImportQueue>();
        services.AddHostedService(s => s.GetRequiredService<ImportQueue>());
        services.AddHostedService<RoleSeeder>();
        return builder;
    }

    public static WebApplication UseAccounts(this WebApplication app)
    {
        app.UseSecurityHeaders();
        app.UseAuthentication();
        app.Use(async (http, next) =>
        {
            await http.RequestServices.GetRequiredService<LearnerIdentity>().RefuseAccountIdsAsync(http);
            await http.RequestServices.GetRequiredService<BinhDanHocVuSo.Web.Features.Field.Guiding>().ResolveAsync(http);
            await next(http);
        });
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseFirstPasswordRequirement();
        return app;
    }

    static string Address(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "local";

    static RateLimitPartition<string> PerMinute(string key, int permits) => RateLimitPartition.GetFixedWindowLimiter(key,
        _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });

    static RateLimitPartition<string> PerPerson(HttpContext http, string policy, int permits) =>
        PerMinute($"{policy}/{LearnerIdentity.SignedIn(http)?.ToString() ?? Address(http)}", permits);

    // JSON callers get a status code, not a redirect to a sign-in page they cannot show.
    static Task Answer(HttpContext http, string redirectUri, int status)
    {
        if (http.Request.Path.StartsWithSegments("/api"))
        {
            http.Response.StatusCode = status;
        }
        else
        {
            http.Response.Redirect(redirectUri);
        }
        return Task.CompletedTask;
    }
}
