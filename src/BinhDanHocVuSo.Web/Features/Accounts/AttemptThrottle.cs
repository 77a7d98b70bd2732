namespace BinhDanHocVuSo.Web.Features.Accounts;

/// <summary>
/// Wrong guesses at one phone number's password or reset code (keys from <see cref="AttemptThrottle.Key"/>),
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

public static class AttemptThrottle
{
    /// <summary>What is guessed: the password (<c>sign-in</c>) or a reset code (<c>reset</c>) of a number.</summary>
    public const string SignIn = "sign-in", Reset = "reset";

    /// <summary>The throttle of one number for one kind of guess; keyed by a hash, so that grain ids in logs show no phone number.</summary>
    public static IAttemptThrottleGrain For(IGrainFactory grains, string kind, string phone) =>
        grains.GetGrain<IAttemptThrottleGrain>($"{kind}/{Key(phone)}");

    static string Key(string phone) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(phone)), 0, 16);
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
