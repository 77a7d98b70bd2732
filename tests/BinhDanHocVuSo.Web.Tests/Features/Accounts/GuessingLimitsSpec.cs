using System.Net;
using BinhDanHocVuSo.Web.Hosting;
using BinhDanHocVuSo.Web.Tests.Support;

namespace BinhDanHocVuSo.Web.Tests.Features.Accounts;

/// <summary>Group codes cannot be guessed at the speed of the network.</summary>
public sealed class GuessingLimitsSpec
{
    [Fact]
    public async Task Guessing_group_codes_is_limited_per_person_with_a_vietnamese_answer()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var strict = new Platform(database, new Dictionary<string, string?> { ["Accounts:JoinAttemptsPerMinute"] = "3" });
        var guesser = await strict.SignedInAs(await strict.CreateAsync());
        var someoneElse = await strict.SignedInAs(await strict.CreateAsync());

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage last = null!;
        for (var i = 0; i < 4; i++)
        {
            last = await guesser.GetAsync($"/join/KHONGCO{i}");
            statuses.Add(last.StatusCode);
        }
        var other = await someoneElse.GetAsync("/join/KHONGCO9");

        statuses.Should().Equal(HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests);
        (await last.Content.ReadAsStringAsync()).Should().Contain("Bạn thao tác quá nhanh");
        last.Headers.Contains("Retry-After").Should().BeTrue();
        other.StatusCode.Should().Be(HttpStatusCode.NotFound, "the limit is per person, and a class behind one address is five times that");
    }
}
