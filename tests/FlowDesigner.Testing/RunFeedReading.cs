using FlowDesigner.Model.Runs;

namespace FlowDesigner.Testing;

/// <summary>Reading the feed of run changes in tests.</summary>
public static class RunFeedReading
{
    /// <summary>
    /// Reads the changes after the cursor once there are <paramref name="count"/> (or after 10 s, what there is):
    /// PostgreSQL's feed holds a change back while any transaction on the server begun before it is open (an
    /// autovacuum's ANALYZE, another process's write), for a moment.
    /// </summary>
    public static async Task<IReadOnlyList<RunChange>> ReadChangesAsync(this IRunStore runs, long after, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var changes = await runs.ReadChangesAsync(after, 100, default);
            if (changes.Count >= count || DateTime.UtcNow > deadline)
            {
                return changes;
            }

            await Task.Delay(50);
        }
    }

    /// <summary>The feed's latest position once it is at least <paramref name="atLeast"/> (or after 10 s, what it is): see above.</summary>
    public static async Task<long> LatestChangeAsync(this IRunStore runs, long atLeast)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        long latest;
        while ((latest = await runs.LatestChangeAsync(default)) < atLeast && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        return latest;
    }
}
