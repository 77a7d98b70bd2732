using System.Net;
using BinhDanHocVuSo.Web.Features.Learning;
using BinhDanHocVuSo.Web.Hosting;
using BinhDanHocVuSo.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace BinhDanHocVuSo.Web.Tests.Hosting;

/// <summary>A page whose grain call finds no silo (one just died) answers like the learning API: 503 and when to retry, not 500.</summary>
public sealed class SiloFailureSpec
{
    [Fact]
    public async Task A_page_whose_grain_call_finds_no_silo_answers_503_with_retry_after_and_says_so_in_vietnamese()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var silo = new SiloSwitch();
        await using var platform = new Platform(database, testServices: services => services.AddSingleton<IOutgoingGrainCallFilter>(silo));
        var browser = await platform.SignedInAs(await platform.CreateAsync());
        (await browser.GetAsync("/")).StatusCode.Should().Be(HttpStatusCode.OK);

        silo.Down = true;
        var home = await browser.GetAsync("/");

        home.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        home.Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromSeconds(RequestFailures.SiloRetryAfterSeconds));
        (await home.Content.ReadAsStringAsync()).Should().Contain("Máy chủ đang chuyển việc");
    }

    /// <summary>Makes every call to a learner grain fail as it does while its silo is being declared dead.</summary>
    sealed class SiloSwitch : IOutgoingGrainCallFilter
    {
        public volatile bool Down;

        public Task Invoke(IOutgoingGrainCallContext context) =>
            Down && context.InterfaceMethod?.DeclaringType == typeof(ILearnerGrain) ? throw new SiloUnavailableException() : context.Invoke();
    }
}
