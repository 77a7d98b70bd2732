namespace BinhDanHocVuSo.Web.Data.Versioned;

/// <summary>
/// The one retry policy of versioned grain state: run the action; if its write was stale, reload the stored state and
/// run the action once more on top of it. A second stale write is the caller's error to see: two activations racing
/// twice in a row means something is wrong with the cluster, and retrying forever would hide it.
/// </summary>
public static class StaleRetry
{
    public static async Task<T> RunAsync<T>(Func<Task<T>> action, Func<Task> reload)
    {
        try
        {
            return await action();
        }
        catch (StaleStateException)
        {
            await reload();
            return await action();
        }
    }
}
