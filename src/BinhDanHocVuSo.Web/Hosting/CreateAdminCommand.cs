namespace BinhDanHocVuSo.Web.Hosting;

/// <summary>
/// <c>dotnet run --project src/BinhDanHocVuSo.Web -- create-admin --phone 09xxxxxxxx --name "Họ tên" --commune cao-bang/phuong-thuc-phan</c>:
/// creates the first administrator with a one-time password printed once; they choose their own at first sign-in.
/// There is no default password anywhere. A number that already has an account is made an administrator only with
/// <c>--promote</c>; the command says what it did (created or promoted, with the name and commune).
/// </summary>
public static class CreateAdminCommand
{
    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        string? Arg(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var phone = PhoneNumber.Normalize(Arg("--phone"));
        var name = Arg("--name");
        var commune = Arg("--commune");
        var communes = app.Services.GetRequiredService<CommuneDirectory>();
        if (phone is null || string.IsNullOrWhiteSpace(name) || communes.Find(commune) is null)
        {
            Console.Error.WriteLine("Usage: create-admin --phone 0912345678 --name \"Nguyễn Văn A\" --commune cao-bang/phuong-thuc-phan (a commune id from Data/Communes) [--promote: make an existing account an administrator].");
            return 1;
        }

        // Only the start-up steps that prepare the database: migrations and roles, not the web server or silo.
        foreach (var step in app.Services.GetServices<IHostedService>().Where(s => s is DatabaseMigrator or RoleSeeder))
        {
            await step.StartAsync(CancellationToken.None);
        }
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var audit = scope.ServiceProvider.GetRequiredService<AuditLog>();
        var user = await users.FindByNameAsync(phone);
        string? password = null;
        if (user is null)
        {
            password = TemporaryPassword.New(phone);
            user = new AppUser
            {
                Id = Guid.NewGuid(), UserName = phone, PhoneNumber = phone, FullName = name.Trim(), Commune = commune!,
                MustChangePassword = true, CreatedAt = app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime,
            };
            var created = await users.CreateAsync(user, password);
            if (!created.Succeeded)
            {
                Console.Error.WriteLine(string.Join("; ", created.Errors.Select(e => e.Description)));
                return 1;
            }
            await users.AddToRoleAsync(user, Roles.Learner);
        }
        else if (!args.Contains("--promote"))
        {
            // Never make someone an administrator by accident: an existing account is promoted only when asked to.
            Console.Error.WriteLine($"{PhoneNumber.Display(phone)} already has an account ({user.FullName}, {user.Commune}); nothing was changed. "
                + "To make that account an administrator, run the command again with --promote (its name, commune and password stay as they are).");
            return 1;
        }
        if (!await users.IsInRoleAsync(user, Roles.Admin))
        {
            await users.AddToRoleAsync(user, Roles.Admin);
            // Sessions of the account pick up the new role at their next check.
            await users.UpdateSecurityStampAsync(user);
        }
        audit.Record(null, AuditLog.AdminCreated, user.Id, password is null ? "create-admin command, promoted an existing account" : "create-admin command");
        await scope.ServiceProvider.GetRequiredService<Data.AppDbContext>().SaveChangesAsync();
        Console.WriteLine(password is null
            ? $"Promoted the existing account {PhoneNumber.Display(phone)} to administrator; it keeps its name \"{user.FullName}\", commune {user.Commune} and password (--name and --commune were not used)."
            : $"Created administrator {PhoneNumber.Display(phone)}, name \"{user.FullName}\", commune {user.Commune}. One-time password: {password} (they choose their own at first sign-in).");
        return 0;
    }
}
