using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace BinhDanHocVuSo.Web.Hosting;

/// <summary>
/// Failures that are not bugs of the page that met them, and the answer each deserves instead of a 500: a database
/// that cannot write (disk full, read-only, corrupted, unreachable) or a silo that cannot answer (one just died and its
/// grains are moving, as the learning API answers too) answers 503 with <c>Retry-After</c>; a request that cannot be
/// read (a broken or oversized form, a missing anti-forgery token) answers 400.
/// </summary>
public static class RequestFailures
{
    public const int RetryAfterSeconds = 30;

    /// <summary>A grain moves to a surviving silo within seconds.</summary>
    public const int SiloRetryAfterSeconds = 2;

    // SQLite result codes that mean "the storage cannot take this write now", not "this write is wrong".
    static readonly HashSet<int> SqliteStorageCodes =
    [
        3,  // SQLITE_PERM
        5,  // SQLITE_BUSY
        6,  // SQLITE_LOCKED
        8,  // SQLITE_READONLY
        10, // SQLITE_IOERR
        11, // SQLITE_CORRUPT
        13, // SQLITE_FULL
        14, // SQLITE_CANTOPEN
        26, // SQLITE_NOTADB
    ];

    /// <summary>The status a request that failed with <paramref name="exception"/> answers.</summary>
    public static int StatusCodeOf(Exception exception) =>
        IsStorageFailure(exception) || IsSiloFailure(exception) ? StatusCodes.Status503ServiceUnavailable
        : IsUnreadableRequest(exception) ? StatusCodes.Status400BadRequest
        : StatusCodes.Status500InternalServerError;

    /// <summary>The database (or the disk under it) cannot take writes: full, read-only, corrupted, locked or gone.</summary>
    public static bool IsStorageFailure(Exception exception) => Causes(exception).Any(e => e switch
    {
        SqliteException sqlite => SqliteStorageCodes.Contains(sqlite.SqliteErrorCode),
        PostgresException postgres => postgres.SqlState is ['5', '3', ..] or ['0', '8', ..] or ['5', '7', 'P', ..] or ['5', '8', ..]
            or ['X', 'X', ..] or "25006" or "40001" or "40P01" or "55P03",
        NpgsqlException npgsql => npgsql.IsTransient || npgsql.InnerException is IOException or TimeoutException,
        IOException io => io.HResult is 28 or unchecked((int)0x80070070) or unchecked((int)0x80070027), // ENOSPC; ERROR_DISK_FULL, ERROR_HANDLE_DISK_FULL
        _ => false,
    });

    /// <summary>A grain call that no silo answered: the silo left the cluster, refused the message, or did not answer in time.</summary>
    public static bool IsSiloFailure(Exception exception) =>
        Causes(exception).Any(e => e is SiloUnavailableException or OrleansMessageRejectionException or TimeoutException);

    /// <summary>The request itself could not be read: a malformed or oversized form, or a missing anti-forgery token.</summary>
    public static bool IsUnreadableRequest(Exception exception) =>
        Causes(exception).Any(e => e is BadHttpRequestException or InvalidDataException or AntiforgeryValidationException);

    static IEnumerable<Exception> Causes(Exception exception)
    {
        var pending = new Stack<Exception>([exception]);
        while (pending.TryPop(out var current))
        {
            yield return current;
            if (current is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions)
                {
                    pending.Push(inner);
                }
            }
            else if (current.InnerException is { } inner)
            {
                pending.Push(inner);
            }
        }
    }
}

/// <summary>
/// Logs a storage or silo failure once per <see cref="LogThrottle.DefaultInterval"/> with the count of repeats held back,
/// sets the 503 answer's <c>Retry-After</c>, and leaves the page to <c>/loi</c>. Other failures keep the middleware's own log.
/// </summary>
sealed class StorageFailureHandler(LogThrottle throttle, ILogger<StorageFailureHandler> logger) : IExceptionHandler
{
    public const string Logged = "bdhvs.storage-failure-logged";

    public ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        if (RequestFailures.IsStorageFailure(exception))
        {
            http.Items[Logged] = true;
            http.Response.Headers.RetryAfter = RequestFailures.RetryAfterSeconds.ToString();
            var kind = exception.GetBaseException() is var cause && cause is DbException db
                ? $"{cause.GetType().Name}:{db.ErrorCode}:{db.SqlState}" : cause.GetType().Name;
            if (throttle.ShouldLog(kind, out var suppressed))
            {
                logger.LogError(exception, "The database cannot write ({Kind}); requests that write answer 503. {Suppressed} more failures like it in the last interval were not logged.",
                    kind, suppressed);
            }
        }
        else if (RequestFailures.IsSiloFailure(exception))
        {
            http.Items[Logged] = true;
            http.Items[Features.Errors.ErrorText.ReasonKey] = "SiloUnavailable";
            http.Response.Headers.RetryAfter = RequestFailures.SiloRetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var kind = exception.GetBaseException().GetType().Name;
            if (throttle.ShouldLog(kind, out var suppressed))
            {
                logger.LogError(exception, "A grain call found no silo to answer it ({Kind}); pages answer 503. {Suppressed} more failures like it in the last interval were not logged.",
                    kind, suppressed);
            }
        }
        else if (RequestFailures.IsUnreadableRequest(exception))
        {
            http.Items[Logged] = true;
            logger.LogDebug("A request could not be read: {Reason}", exception.GetBaseException().Message);
        }
        // The page at /loi shows the reason; the middleware sets the status from RequestFailures.StatusCodeOf.
        return ValueTask.FromResult(false);
    }
}
