namespace ServerlessSafety.Testing;

/// <summary>Polls a condition for a bounded time; fails with what it last saw.</summary>
public static class Eventually
{
    public static async Task<T> HoldsAsync<T>(Func<Task<T>> probe, Func<T, bool> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        T last;
        do
        {
            last = await probe();
            if (condition(last))
            {
                return last;
            }

            await Task.Delay(200);
        }
        while (DateTime.UtcNow < deadline);

        throw new Xunit.Sdk.XunitException($"Timed out after {timeout.TotalSeconds:0} s waiting for {what}; last seen: {last}");
    }

    public static Task<T> HoldsAsync<T>(Func<T> probe, Func<T, bool> condition, TimeSpan timeout, string what)
        => HoldsAsync(() => Task.FromResult(probe()), condition, timeout, what);
}
