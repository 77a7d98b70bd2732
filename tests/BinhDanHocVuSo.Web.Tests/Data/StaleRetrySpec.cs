using BinhDanHocVuSo.Web.Data.Versioned;

namespace BinhDanHocVuSo.Web.Tests.Data;

/// <summary>The one retry policy of versioned grain state, without a silo or a database.</summary>
public sealed class StaleRetrySpec
{
    static StaleStateException Stale() => new("Learners", Guid.Empty, 3);

    [Fact]
    public async Task An_action_whose_write_was_stale_runs_again_after_one_reload()
    {
        var (runs, reloads) = (0, 0);

        var result = await StaleRetry.RunAsync(
            () => ++runs == 1 ? throw Stale() : Task.FromResult("written"),
            () => { reloads++; return Task.CompletedTask; });

        result.Should().Be("written");
        (runs, reloads).Should().Be((2, 1));
    }

    [Fact]
    public async Task An_action_stale_twice_in_a_row_fails_instead_of_retrying_forever()
    {
        var runs = 0;

        var act = () => StaleRetry.RunAsync<string>(() => { runs++; throw Stale(); }, () => Task.CompletedTask);

        await act.Should().ThrowAsync<StaleStateException>();
        runs.Should().Be(2);
    }

    [Fact]
    public async Task An_action_that_fails_otherwise_is_not_retried()
    {
        var (runs, reloads) = (0, 0);

        var act = () => StaleRetry.RunAsync<string>(
            () => { runs++; throw new InvalidOperationException("refused"); },
            () => { reloads++; return Task.CompletedTask; });

        await act.Should().ThrowAsync<InvalidOperationException>();
        (runs, reloads).Should().Be((1, 0));
    }
}
