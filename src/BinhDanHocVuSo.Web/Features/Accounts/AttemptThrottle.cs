namespace BinhDanHocVuSo.Web.Features.Accounts;

/// <summary>
/// Wrong guesses at one phone number's password (key <c>sign-in/{phone}</c>) or reset code (key <c>reset/{phone}</c>),
/// counted once for the whole cluster whether or not the number has an account, so the answers never tell the two apart.
/// After a few wrong guesses the next one has to wait, and the wait doubles with each further wrong guess up to a cap:
/// a guesser gets a handful of tries an hour, while the owner, after a short wait, still signs in (or uses a reset code,
/// which has its own key).
/// </summary>
public interface IAttemptThrottleGrain : IGrainWithStringKey
{
    /// <summary>Seconds to wait before the next attempt; 0 when one may try now.</summary>
    Task<int> SecondsToWait();

    /// <summary>Counts a wrong guess and returns the seconds to wait before the next attempt (0 while still free).</summary>
    Task<int> Failed();

    /// <summary>Forgets the wrong guesses (the right password, or a password reset).</summary>
    Task Clear();
}

sealed class AttemptThrottleGrain(TimeProvider clock) : Grain, IAttemptThrottleGrain
{
    /// <summary>Wrong guesses allowed without waiting.</summary>
    public const int FreeFailures = 4;
    static readonly TimeSpan FirstWait = TimeSpan.FromSeconds(30);
    static readonly TimeSpan LongestWait = TimeSpan.FromMinutes(10);
    /// <summary>Wrong guesses older than this (since the last one) are forgotten.</summary>
    static readonly TimeSpan Memory = TimeSpan.FromHours(1);

    int _failures;
    DateTimeOffset _lastFailure;
    DateTimeOffset _blockedUntil;

    public Task<int> SecondsToWait()
    {
        var wait = _blockedUntil - clock.GetUtcNow();
        return Task.FromResult(wait > TimeSpan.Zero ? (int)Math.Ceiling(wait.TotalSeconds) : 0);
    }

    public Task<int> Failed()
    {
        var now = clock.GetUtcNow();
        if (now - _lastFailure > Memory)
        {
            _failures = 0;
        }
        _failures++;
        _lastFailure = now;
        if (_failures > FreeFailures)
        {
            var doublings = Math.Min(_failures - FreeFailures - 1, 10);
            var wait = TimeSpan.FromTicks(Math.Min(FirstWait.Ticks << doublings, LongestWait.Ticks));
            _blockedUntil = now + wait;
        }
        // Kept in memory as long as the count matters, not collected after the usual idle time.
        DelayDeactivation(Memory);
        return SecondsToWait();
    }

    public Task Clear()
    {
        _failures = 0;
        _blockedUntil = default;
        DeactivateOnIdle();
        return Task.CompletedTask;
    }
}
