using System.Diagnostics;
using System.Net;
using BinhDanHocVuSo.Web.Hosting;
using BinhDanHocVuSo.Web.Tests.Support;

namespace BinhDanHocVuSo.Web.Tests.Hosting;

public sealed class StartupTests
{
    [Fact]
    public async Task With_the_default_configuration_the_platform_reports_ready_and_serves_the_home_page()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var platform = new Platform(database, Platform.ShippedCourses());
        var browser = platform.Browser();

        var ready = await browser.GetAsync("/health/ready");
        var live = await browser.GetAsync("/health/live");
        var home = await browser.GetStringAsync("/");

        ready.StatusCode.Should().Be(HttpStatusCode.OK);
        (await ready.Content.ReadAsStringAsync()).Should().Be("Healthy");
        live.StatusCode.Should().Be(HttpStatusCode.OK);
        home.Should().Contain("Bình dân học vụ số").And.Contain("/c/");
    }

    [Fact]
    public async Task An_unknown_database_provider_stops_the_start_with_one_line_naming_the_setting()
    {
        var (exitCode, errors) = await RunWebHost("--Database:Provider=Oracle");

        exitCode.Should().NotBe(0);
        errors.Should().Contain("Database:Provider is 'Oracle'").And.NotContain("   at ");
    }

    [Fact]
    public async Task An_unreachable_postgres_stops_the_start_with_one_line_naming_the_connection_string()
    {
        var (exitCode, errors) = await RunWebHost("--Database:Provider=Postgres",
            "--ConnectionStrings:Postgres=Host=127.0.0.1;Port=1;Database=nothing;Username=nobody;Timeout=3");

        exitCode.Should().NotBe(0);
        errors.Should().Contain("BinhDanHocVuSo could not start").And.Contain("Check ConnectionStrings:Postgres");
    }

    [Fact]
    public async Task A_session_check_below_one_second_stops_the_start_with_one_line_naming_the_setting_and_its_default()
    {
        var (exitCode, errors) = await RunWebHost("--Accounts:SessionCheckSeconds=-1");

        exitCode.Should().NotBe(0);
        errors.Should().Contain("BinhDanHocVuSo could not start: Accounts:SessionCheckSeconds is -1; set a number of seconds above 0 (default 30).")
            .And.NotContain("   at ");
    }

    [Fact]
    public async Task A_setting_that_is_not_a_number_stops_the_start_with_one_line_naming_the_setting()
    {
        var (exitCode, errors) = await RunWebHost("--Accounts:AttemptsPerMinute=many");

        exitCode.Should().NotBe(0);
        errors.Should().Contain("BinhDanHocVuSo could not start:").And.Contain("Accounts:AttemptsPerMinute").And.NotContain("   at ");
    }

    [Fact]
    public async Task A_trusted_proxy_that_is_no_address_stops_the_start_when_the_host_starts_with_one_line_naming_the_setting()
    {
        var (exitCode, errors) = await RunWebHost($"--{WebUiExtensions.TrustedProxiesKey}=10.0.0.2,nginx");

        exitCode.Should().NotBe(0);
        errors.Should().Contain($"BinhDanHocVuSo could not start: {WebUiExtensions.TrustedProxiesKey} has 'nginx'").And.NotContain("   at ");
    }

    static Task<(int ExitCode, string Errors)> RunWebHost(params string[] args) => WebHostProcess.RunAsync("courses", args);
}
