using System.Threading.RateLimiting;
using BinhDanHocVuSo.Web.Data;
using BinhDanHocVuSo.Web.Features.Accounts;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace BinhDanHocVuSo.Web.Hosting;

public static class AccountsExtensions
{
    public const string AttemptsLimit = "accounts";

    /// <summary>
    /// ASP.NET Core Identity on the platform's database (phone number as user name, password or 6-digit PIN),
    /// role policies on every page folder, data-protection keys in the database (shared by all silos),
    /// and a rate limit on sign-in, sign-up and reset.
    /// </summary>
    public static WebApplicationBuilder AddAccounts(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(AccountsOptions.Section).Get<AccountsOptions>() ?? new AccountsOptions();
        var services = builder.Services;
        services.AddSingleton(options);
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
                identity.Lockout.MaxFailedAccessAttempts = 5;
                identity.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                identity.Lockout.AllowedForNewUsers = true;
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
        services.AddDataProtection().SetApplicationName("BinhDanHocVuSo").PersistKeysToDbContext<AppDbContext>();

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.SignedIn, policy => policy.RequireAuthenticatedUser())
            .AddPolicy(Policies.Official, policy => policy.RequireRole(Roles.Official, Roles.Admin))
            .AddPolicy(Policies.Trainer, policy => policy.RequireRole(Roles.Trainer, Roles.Admin))
            .AddPolicy(Policies.Admin, policy => policy.RequireRole(Roles.Admin));
        services.AddRazorPages(pages =>
        {
            pages.Conventions.AuthorizeFolder("/Accounts/Me", Policies.SignedIn);
            pages.Conventions.AuthorizeFolder("/Trainer", Policies.Trainer);
            pages.Conventions.AuthorizeFolder("/Admin", Policies.Admin);
        });

        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(AttemptsLimit, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "local",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = options.AttemptsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                var text = context.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<AccountText>>();
                context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                await context.HttpContext.Response.WriteAsync(text["TooManyRequests"], cancellationToken);
            };
        });

        services.AddScoped<AuditLog>();
        services.AddScoped<AccountService>();
        services.AddScoped<ResetCodes>();
        services.AddScoped<AccountImport>();
        services.AddSingleton<ImportQueue>();
        services.AddHostedService(s => s.GetRequiredService<ImportQueue>());
        services.AddHostedService<RoleSeeder>();
        return builder;
    }

    public static WebApplication UseAccounts(this WebApplication app)
    {
        app.UseSecurityHeaders();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseFirstPasswordRequirement();
        return app;
    }

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

/// <summary>Makes sure every role exists, after the migrations and before the first request.</summary>
sealed class RoleSeeder(IServiceScopeFactory scopes) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole<Guid>>>();
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().RunExclusiveAsync(async () =>
        {
            foreach (var role in Roles.All)
            {
                if (!await roles.RoleExistsAsync(role))
                {
                    await roles.CreateAsync(new IdentityRole<Guid>(role));
                }
            }
        }, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
