using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using BinhDanHocVuSo.Web.Data;
using BinhDanHocVuSo.Web.Features.Accounts;
using BinhDanHocVuSo.Web.Hosting;
using BinhDanHocVuSo.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BinhDanHocVuSo.Web.Tests.Features.Groups;

/// <summary>Bad requests to the group pages answer 4xx with a Vietnamese reason, and names are kept the same way on each provider.</summary>
public abstract partial class GroupRequestsSpec(SharedPlatform shared) : PlatformSpec(shared)
{
    /// <summary>
    /// Posts the form as multipart/form-data, which carries a NUL byte to the page (a URL-encoded form with one is refused
    /// before it reaches the page).
    /// </summary>
    static async Task<HttpResponseMessage> PostMultipart(HttpClient browser, string url, Dictionary<string, string> fields, string formPage)
    {
        var page = await browser.GetStringAsync(formPage);
        var form = new MultipartFormDataContent { { new StringContent(Token().Match(page).Groups[1].Value), "__RequestVerificationToken" } };
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }
        return await browser.PostAsync(url, form);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*?value=\"([^\"]+)\"")]
    private static partial Regex Token();

    async Task<List<string>> GroupNames()
    {
        using var scope = Platform.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Groups.Select(g => g.Name).ToListAsync();
    }

    [Fact]
    public async Task A_post_to_a_group_admin_or_report_page_without_a_known_handler_answers_400_with_a_reason()
    {
        var (trainer, group) = await Platform.TrainerWithGroupAsync("Tổ 1");
        var admin = await Platform.SignedInAs(await Platform.CreateAsync(Roles.Admin));

        var responses = new[]
        {
            await admin.SubmitFormAsync("/admin/users", [], "/admin/users"),
            await trainer.SubmitFormAsync("/survey/report?handler=nope", [], "/groups"),
            await trainer.SubmitFormAsync($"/groups/{group}", [], $"/groups/{group}"),
            await trainer.SubmitFormAsync($"/groups/{group}?handler=nope", [], $"/groups/{group}"),
            await trainer.SubmitFormAsync($"/groups/{group}?handler=", [], $"/groups/{group}"),
        };

        foreach (var response in responses)
        {
            response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
            (await response.Content.ReadAsStringAsync()).Should().Contain("Trang này không có thao tác được yêu cầu", response.RequestMessage!.RequestUri!.PathAndQuery);
        }
    }

    [Theory]
    [InlineData("Tổ\0 1", "ký tự không hợp lệ")]
    [InlineData("Tổ\n1", "ký tự không hợp lệ")]
    [InlineData("201", "tối đa 200 ký tự")]
    [InlineData("5000", "tối đa 200 ký tự")]
    public async Task A_group_name_with_a_control_character_or_over_200_characters_is_refused_with_a_reason(string name, string reason)
    {
        var trainer = await Platform.SignedInAs(await Platform.CreateAsync(Roles.Trainer));
        name = int.TryParse(name, out var length) ? new string('x', length) : name;

        var created = await PostMultipart(trainer, "/groups", new() { ["Name"] = name, ["Commune"] = People.Commune }, "/groups");

        created.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await created.Content.ReadAsStringAsync()).Should().Contain(reason);
        (await GroupNames()).Should().BeEmpty();
    }

    [Fact]
    public async Task Renaming_a_group_checks_the_name_the_same_way()
    {
        var (trainer, group) = await Platform.TrainerWithGroupAsync("Tổ 1");

        var renamed = await PostMultipart(trainer, $"/groups/{group}?handler=Rename", new() { ["name"] = "Tổ\0 2" }, $"/groups/{group}");
        var tooLong = await PostMultipart(trainer, $"/groups/{group}?handler=Rename", new() { ["name"] = new string('x', 201) }, $"/groups/{group}");

        renamed.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        tooLong.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await GroupNames()).Should().Equal("Tổ 1");
    }

    [Fact]
    public async Task A_group_name_typed_with_combining_accents_is_stored_in_NFC()
    {
        var trainer = await Platform.SignedInAs(await Platform.CreateAsync(Roles.Trainer));
        var decomposed = "Tổ công nghệ số".Normalize(NormalizationForm.FormD);

        var created = await trainer.SubmitFormAsync("/groups", new() { ["Name"] = "  " + decomposed + " ", ["Commune"] = People.Commune });

        created.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await GroupNames()).Should().Equal("Tổ công nghệ số".Normalize(NormalizationForm.FormC));
    }
}

public sealed class GroupRequestsOnSqlite(SqlitePlatform shared) : GroupRequestsSpec(shared), IClassFixture<SqlitePlatform>;

public sealed class GroupRequestsOnPostgres(PostgresPlatform shared) : GroupRequestsSpec(shared), IClassFixture<PostgresPlatform>;
