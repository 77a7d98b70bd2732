namespace BinhDanHocVuSo.Web.Features.Accounts;

public static class FirstPasswordMiddleware
{
    /// <summary>Until a trainer-created account has its own password, every page leads to "Đặt mật khẩu mới".</summary>
    public static IApplicationBuilder UseFirstPasswordRequirement(this IApplicationBuilder app) =>
        app.Use((http, next) =>
        {
            var path = http.Request.Path;
            if (http.User.HasClaim(c => c.Type == AppClaimsFactory.MustChangePassword)
                && HttpMethods.IsGet(http.Request.Method)
                && !path.StartsWithSegments("/account") && !path.StartsWithSegments("/api") && !path.StartsWithSegments("/health")
                && !Path.HasExtension(path.Value))
            {
                http.Response.Redirect("/account/password");
                return Task.CompletedTask;
            }
            return next(http);
        });
}
