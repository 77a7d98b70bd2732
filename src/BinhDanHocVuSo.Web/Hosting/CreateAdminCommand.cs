using System.Security.Cryptography;
using BinhDanHocVuSo.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;

namespace BinhDanHocVuSo.Web.Hosting;

/// <summary>
/// <c>dotnet run --project src/BinhDanHocVuSo.Web -- create-admin --phone 09xxxxxxxx --name "Họ tên" --commune cao-bang/phuong-thuc-phan</c>:
/// creates the first administrator with a one-time password printed once; they choose their own at first sign-in.
/// There is no default password anywhere.
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
            Console.Error.WriteLine("Usage: create-admin --phone 0912345678 --name \"Nguyễn Văn A\" --commune cao-bang/phuong-thuc-phan (a commune id from Data/Communes).");
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
            password = RandomNumberGenerator.GetInt32(10_000_000, 100_000_000).ToString();
            user = new AppUser
            {
                Id = Guid.NewGuid(), UserName = phone, PhoneNumber = phone, FullName = name.Trim(), Commune = commune!,
                MustChangePassword = true, CreatedAt = DateTime.UtcNow,
            };
            var created = await users.CreateAsync(user, password);
            if (!created.Succeeded)
            {
                Console.Error.WriteLine(string.Join("; ", created.Errors.Select(e => e.Description)));
                return 1;
            }
            await users.AddToRoleAsync(user, Roles.Learner);
        }
        await users.AddToRoleAsync(user, Roles.Admin);
        audit.Record(null, AuditLog.AdminCreated, user.Id, "create-admin command");
        await scope.ServiceProvider.GetRequiredService<Data.AppDbContext>().SaveChangesAsync();
        Console.WriteLine(password is null
            ? $"{PhoneNumber.Display(phone)} is now an administrator."
            : $"Administrator {PhoneNumber.Display(phone)} created. One-time password: {password} (they choose their own at first sign-in).");
        return 0;
    }
}
