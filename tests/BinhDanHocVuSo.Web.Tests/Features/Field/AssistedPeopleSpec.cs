using BinhDanHocVuSo.Web.Data;
using BinhDanHocVuSo.Web.Features.Accounts;
using BinhDanHocVuSo.Web.Features.Field;
using BinhDanHocVuSo.Web.Hosting;
using BinhDanHocVuSo.Web.Tests.Features.Accounts;
using BinhDanHocVuSo.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BinhDanHocVuSo.Web.Tests.Features.Field;

/// <summary>
/// A team member registers the citizens they help: by the person's own number, a household member's number, or (no phone)
/// name and year of birth. Each becomes an account of the team's commune and village that nobody can sign in to, counted
/// like anyone else; registering the same person again (a form or a visit sent twice) finds them instead of adding one.
/// </summary>
public sealed class AssistedPeopleSpec() : PlatformSpec(DatabaseProvider.Sqlite)
{
    const string A = People.Commune, B = People.OtherCommune;
    const string NaLan = A + "/thon-na-lan", PacBo = A + "/thon-pac-bo", BanGioc = B + "/thon-ban-gioc";

    TeamRow _team = null!, _teamOfB = null!;
    Guid _member;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Platform.VillagesAsync((NaLan, "Thôn Nà Lần", 400), (PacBo, "Thôn Pác Bó", 300), (BanGioc, "Thôn Bản Giốc", 350));
        _member = (await Platform.CreateAsync(Roles.Trainer, A)).Id;
        var team = await Platform.TeamAsync(A, "Tổ số 1", [NaLan], _member);
        var teamOfB = await Platform.TeamAsync(B, "Tổ Bản Giốc", [BanGioc]);
        await using var scope = Platform.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        _team = await db.Teams().SingleAsync(t => t.Id == team);
        _teamOfB = await db.Teams().SingleAsync(t => t.Id == teamOfB);
    }

    async Task<AssistedRegistration> Register(Guid id, AssistedPersonForm form, TeamRow? team = null)
    {
        await using var scope = Platform.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AssistedPeople>().RegisterAsync(id, team ?? _team, _member, form, CancellationToken.None);
    }

    static AssistedPersonForm OwnPhone(string phone, string village = NaLan) => new(AssistedKinds.Phone, phone, null, "Hoàng Thị Mai", 1962, village, true);

    [Fact]
    public async Task A_person_with_their_own_number_becomes_an_account_of_the_team_s_commune_and_village_that_nobody_signs_in_to()
    {
        var id = Guid.NewGuid();

        var registered = await Register(id, OwnPhone("0912.345.678"));

        registered.Problem.Should().BeNull();
        registered.Created.Should().BeTrue();
        await using var scope = Platform.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByIdAsync(id.ToString());
        user!.UserName.Should().Be("0912345678");
        user.Commune.Should().Be(A);
        (await users.HasPasswordAsync(user)).Should().BeFalse("the person takes the account over by signing up with their number");
        (await users.IsInRoleAsync(user, Roles.Learner)).Should().BeTrue();
        (await db.LearnerVillages().SingleAsync(v => v.UserId == id)).VillageId.Should().Be(NaLan);
        var row = await db.AssistedPeople().SingleAsync(p => p.UserId == id);
        row.Phone.Should().Be("0912345678");
        row.RegisteredBy.Should().Be(_member);
        row.ConsentAt.Should().NotBe(default);
    }

    [Fact]
    public async Task The_same_id_or_the_same_own_number_again_finds_the_person_registered_before()
    {
        var id = Guid.NewGuid();
        await Register(id, OwnPhone("0912345679"));

        var again = await Register(id, OwnPhone("0912345679"));
        var sameNumber = await Register(Guid.NewGuid(), OwnPhone("0912 345 679"));

        again.Created.Should().BeFalse();
        again.Person!.UserId.Should().Be(id);
        sameNumber.Problem.Should().BeNull();
        sameNumber.Person!.UserId.Should().Be(id);
        await using var scope = Platform.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<AppDbContext>().AssistedPeople().CountAsync()).Should().Be(1);
    }

    [Fact]
    public async Task People_without_their_own_phone_are_registered_by_a_household_number_or_by_name_and_year_of_birth()
    {
        var household = await Register(Guid.NewGuid(), new(AssistedKinds.Household, null, "0987654321", "Nông Văn Lả", 1958, NaLan, true));
        var sameHousehold = await Register(Guid.NewGuid(), new(AssistedKinds.Household, null, "0987654321", "Nông Thị Hoa", 1960, NaLan, true));
        var noPhone = await Register(Guid.NewGuid(), new(AssistedKinds.NoPhone, null, null, "Lục Văn Páo", 1949, NaLan, true));

        household.Created.Should().BeTrue();
        sameHousehold.Created.Should().BeTrue("a household number is shared by the people of the house");
        noPhone.Created.Should().BeTrue();
        noPhone.Person!.Phone.Should().BeNull();
        await using var scope = Platform.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByIdAsync(noPhone.Person.UserId.ToString());
        PhoneNumber.Normalize(user!.UserName).Should().BeNull("nobody can sign in or sign up with that user name");
    }

    [Theory]
    [InlineData("tablet", "0912000111", null, "Mai", 1960, NaLan, true, "kind")]
    [InlineData(AssistedKinds.Phone, "12345", null, "Mai", 1960, NaLan, true, "phone")]
    [InlineData(AssistedKinds.Household, null, "abc", "Mai", 1960, NaLan, true, "householdPhone")]
    [InlineData(AssistedKinds.NoPhone, null, null, " ", 1960, NaLan, true, "fullName")]
    [InlineData(AssistedKinds.NoPhone, null, null, "Mai", null, NaLan, true, "birthYear")]
    [InlineData(AssistedKinds.NoPhone, null, null, "Mai", 1850, NaLan, true, "birthYear")]
    [InlineData(AssistedKinds.NoPhone, null, null, "Mai", 1960, NaLan, false, "consent")]
    [InlineData(AssistedKinds.NoPhone, null, null, "Mai", 1960, PacBo, true, "villageId")]
    [InlineData(AssistedKinds.NoPhone, null, null, "Mai", 1960, BanGioc, true, "villageId")]
    public async Task A_form_with_a_mistake_is_refused_naming_the_field_and_registers_no_one(
        string kind, string? phone, string? household, string name, int? year, string village, bool consent, string field)
    {
        var refused = await Register(Guid.NewGuid(), new(kind, phone, household, name, year, village, consent));

        refused.Person.Should().BeNull();
        refused.Field.Should().Be(field);
        refused.Problem.Should().NotBeNullOrWhiteSpace();
        await using var scope = Platform.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<AppDbContext>().AssistedPeople().CountAsync()).Should().Be(0);
    }

    [Fact]
    public async Task A_number_that_already_has_an_account_is_refused_so_the_person_signs_in_themselves()
    {
        var citizen = await Platform.CreateAsync(commune: A);

        var refused = await Register(Guid.NewGuid(), OwnPhone(citizen.Phone));

        refused.Field.Should().Be("phone");
        refused.Problem.Should().Contain("đã có tài khoản");
    }

    [Fact]
    public async Task An_id_registered_by_another_team_is_not_handed_to_this_one()
    {
        var id = Guid.NewGuid();
        await Register(id, new(AssistedKinds.NoPhone, null, null, "Đàm Văn Sáng", 1955, BanGioc, true), _teamOfB);

        var refused = await Register(id, new(AssistedKinds.NoPhone, null, null, "Đàm Văn Sáng", 1955, NaLan, true));

        refused.Person.Should().BeNull();
        refused.Field.Should().Be("personId");
    }
}
