namespace FlowDesigner.Testing;

/// <summary>Waiting in tests for something to hold, with a deadline (not a speed: a test that waits longer fails).</summary>
public static class Deadline
{
    /// <exception cref="TimeoutException">The condition did not hold in time.</exception>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The condition did not hold within {timeout.TotalSeconds:0} s.");
            }

            await Task.Delay(100);
        }
    }
}
