using BinhDanHocVuSo.Web.Features.Accounts;
using BinhDanHocVuSo.Web.Tests.Support;

namespace BinhDanHocVuSo.Web.Tests.Hosting;

/// <summary>What is about one person is never kept by the browser of a shared phone or by a proxy; public lessons still are.</summary>
public sealed class PersonalPagesSpec(SqlitePlatform shared) : PlatformSpec(shared), IClassFixture<SqlitePlatform>
{
    [Theory]
    [InlineData("/api/progress")]
    [InlineData("/account/data")]
    [InlineData("/account/data?handler=download")]
    [InlineData("/account/password")]
    [InlineData("/admin/users")]
    [InlineData("/admin/overview")]
    [InlineData("/groups")]
    [InlineData("/trainer/import")]
    [InlineData("/trainer/reset")]
    [InlineData("/survey")]
    [InlineData("/survey/result")]
    [InlineData("/survey/report")]
    [InlineData("/c/khoa-mau/bai-mot")]
    [InlineData("/")]
    public async Task A_page_for_a_signed_in_person_is_never_stored(string path)
    {
        var admin = await Platform.SignedInAs(await Platform.CreateAsync(Roles.Admin));

        var response = await admin.GetAsync(path);

        ((int)response.StatusCode).Should().BeLessThan(500);
        response.Headers.CacheControl?.NoStore.Should().BeTrue($"{path} answers a signed-in person");
    }

    [Fact]
    public async Task The_progress_of_a_guest_is_never_stored()
    {
        var guest = Platform.Browser();
        await guest.GetAsync("/c/khoa-mau/bai-mot");

        var progress = await guest.GetAsync("/api/progress");

        progress.Headers.CacheControl?.NoStore.Should().BeTrue();
    }

    [Fact]
    public async Task Public_lessons_the_catalogue_and_static_files_keep_their_caching()
    {
        var visitor = Platform.Browser();
        var admin = await Platform.SignedInAs(await Platform.CreateAsync(Roles.Admin));

        var lesson = await visitor.GetAsync("/c/khoa-mau/bai-mot");
        var catalogue = await admin.GetAsync("/api/courses");

        lesson.Headers.CacheControl?.NoStore.Should().NotBe(true);
        catalogue.Headers.CacheControl?.NoStore.Should().NotBe(true);
    }
}
