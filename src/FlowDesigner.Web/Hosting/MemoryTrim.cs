using System.Runtime.InteropServices;

namespace FlowDesigner.Web.Hosting;

/// <summary>
/// Gives memory back to the system once a burst of work that needed it is over. When a designer session ends for
/// good (its circuit is let go after the retention of a disconnected one), a collection that also returns the
/// collector's free memory runs a little later, once however many sessions end together, and no more often than
/// <see cref="Spacing"/>; then the C library's free lists are trimmed. Without it the process kept the high-water
/// mark of its sessions: the managed heap came back, the resident memory did not.
/// </summary>
public sealed class MemoryTrim(ILogger<MemoryTrim> logger, TimeProvider clock) : IDisposable
{
    /// <summary>How long after the last session ended the trim runs (sessions often end together); default 10 s.</summary>
    public TimeSpan Delay { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The least time between two trims, each a blocking full collection; default 1 minute.</summary>
    public TimeSpan Spacing { get; init; } = TimeSpan.FromMinutes(1);

    private readonly Lock _lock = new();
    private ITimer? _timer;
    private DateTimeOffset _last = DateTimeOffset.MinValue;

    /// <summary>Asks for a trim <see cref="Delay"/> from now (or once <see cref="Spacing"/> has passed since the last).</summary>
    public void Schedule()
    {
        lock (_lock)
        {
            var due = Max(Delay, _last + Spacing - clock.GetUtcNow());
            _timer ??= clock.CreateTimer(_ => Trim(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            _timer.Change(due, Timeout.InfiniteTimeSpan);
        }
    }

    private void Trim()
    {
        lock (_lock)
        {
            _last = clock.GetUtcNow();
        }

        var before = Environment.WorkingSet;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        if (OperatingSystem.IsLinux())
        {
            TrimNativeHeap();
        }

        logger.LogInformation("Memory given back after designer sessions ended: {Before:N0} MiB resident before, {After:N0} MiB after, {Heap:N1} MiB managed heap",
            before / 1048576.0, Environment.WorkingSet / 1048576.0, GC.GetTotalMemory(forceFullCollection: false) / 1048576.0);
    }

    private void TrimNativeHeap()
    {
        try
        {
            MallocTrim(0);
        }
        catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException)
        {
            logger.LogDebug("The C library has no malloc_trim ({Reason}); only the collector's memory was given back", exception.Message);
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    [DllImport("libc", EntryPoint = "malloc_trim")]
    private static extern int MallocTrim(nuint pad);

    public void Dispose() => _timer?.Dispose();
}
