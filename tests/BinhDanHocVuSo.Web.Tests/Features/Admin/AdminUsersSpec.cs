using System.Net;
using BinhDanHocVuSo.Web.Data;
using BinhDanHocVuSo.Web.Features.Accounts;
using BinhDanHocVuSo.Web.Features.Groups;
using BinhDanHocVuSo.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BinhDanHocVuSo.Web.Tests.Features.Admin;

/// <summary><c>/admin/users</c>: roles and the communes a trainer works in.</summary>
public sealed class AdminUsersSpec(SqlitePlatform shared) : PlatformSpec(shared), IClassFixture<SqlitePlatform>
{
    static Task<HttpResponseMessage> Post(HttpClient admin, string handler, Dictionary<string, string> fields) =>
        admin.SubmitFormAsync($"/admin/users?handler={handler}", fields, "/admin/users");

    static Task<HttpResponseMessage> CreateGroup(HttpClient trainer, string commune) =>
        trainer.SubmitFormAsync("/groups", new() { ["Name"] = "Tổ công nghệ số", ["Commune"] = commune });

    [Fact]
    public async Task An_administrator_assigns_a_trainer_to_a_commune()
    {
        var admin = await Platform.SignedInAs(await Platform.CreateAsync(Roles.Admin));
        var person = await Platform.CreateAsync(Roles.Trainer);
        var trainer = await Platform.SignedInAs(person);
        var before = await CreateGroup(trainer, People.OtherCommune);

        var assigned = await Post(admin, "AssignCommune", new() { ["userId"] = person.Id.ToString(), ["commune"] = People.OtherCommune });
        var listed = await admin.GetStringAsync($"/admin/users?q={person.Phone}");
        var after = await CreateGroup(trainer, People.OtherCommune);
        var own = await CreateGroup(trainer, People.Commune);
        await Post(admin, "UnassignCommune", new() { ["userId"] = person.Id.ToString(), ["commune"] = People.OtherCommune });
        var taken = await CreateGroup(trainer, People.OtherCommune);
        var groupThere = await trainer.GetAsync(after.Headers.Location!.ToString());

        before.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        assigned.StatusCode.Should().Be(HttpStatusCode.Redirect);
        listed.Should().Contain("Xã, phường được giao").And.Contain($"<input type=\"hidden\" name=\"commune\" value=\"{People.OtherCommune}\">");
        after.StatusCode.Should().Be(HttpStatusCode.Redirect);
        own.StatusCode.Should().Be(HttpStatusCode.Redirect, "a trainer's own commune counts as assigned");
        taken.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        groupThere.StatusCode.Should().Be(HttpStatusCode.NotFound, "a commune taken back takes the trainer's groups there with it");
        using var scope = Platform.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        (await db.AuditEntries.Where(e => e.TargetUserId == person.Id).OrderBy(e => e.Id).Select(e => e.Action + " " + e.Details).ToListAsync())
            .Should().Equal($"{CommuneScope.AuditAssigned} {People.OtherCommune}", $"{CommuneScope.AuditUnassigned} {People.OtherCommune}");
    }

    [Fact]
    public async Task Only_a_trainer_is_assigned_communes()
    {
        var admin = await Platform.SignedInAs(await Platform.CreateAsync(Roles.Admin));
        var learner = await Platform.CreateAsync();

        var refused = await Post(admin, "AssignCommune", new() { ["userId"] = learner.Id.ToString(), ["commune"] = People.OtherCommune });

        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await refused.Content.ReadAsStringAsync()).Should().Contain("Chỉ giao xã, phường cho người có vai trò");
    }

    [Fact]
    public async Task Revoking_a_role_updates_the_security_stamp()
    {
        var admin = await Platform.SignedInAs(await Platform.CreateAsync(Roles.Admin));
        var trainer = await Platform.CreateAsync(Roles.Trainer);
        var before = await StampOf(trainer.Id);

        var revoked = await Post(admin, "Revoke", new() { ["userId"] = trainer.Id.ToString(), ["role"] = Roles.Trainer });
        var afterRevoke = await StampOf(trainer.Id);
        await Post(admin, "Grant", new() { ["userId"] = trainer.Id.ToString(), ["role"] = Roles.Official });

        revoked.StatusCode.Should().Be(HttpStatusCode.Redirect);
        afterRevoke.Should().NotBe(before);
        (await StampOf(trainer.Id)).Should().NotBe(afterRevoke, "granting a role renews the stamp too");
    }

    [Fact]
    public async Task The_last_administrator_cannot_revoke_their_own_admin_role()
    {
        var person = await Platform.CreateAsync(Roles.Admin);
        var admin = await Platform.SignedInAs(person);

        var refused = await Post(admin, "Revoke", new() { ["userId"] = person.Id.ToString(), ["role"] = Roles.Admin });

        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await refused.Content.ReadAsStringAsync()).Should().Contain("quản trị viên cuối cùng");
        (await admin.GetAsync("/admin/users")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    async Task<string?> StampOf(Guid id)
    {
        using var scope = Platform.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        return await users.GetSecurityStampAsync((await users.FindByIdAsync(id.ToString()))!);
    }
}
