namespace FlowDesigner.Persistence.Stores;

/// <summary>
/// Lets one writer of this process at a time into SQLite. SQLite has one write lock per database; writers that
/// collide on it back off by sleeping, which under load costs far more than queueing for it here. Other processes
/// on the same file still meet SQLite's own busy timeout. PostgreSQL locks rows, not the database: there the gate
/// lets everyone in at once.
/// </summary>
internal sealed class WriteGate(StorageOptions options)
{
    private static readonly IDisposable Open = new NoRelease();
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly bool _shut = !options.IsPostgreSql;

    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        if (!_shut)
        {
            return Open;
        }

        await _gate.WaitAsync(cancellationToken);
        return new Release(_gate);
    }

    /// <summary>For the batch writer's own thread, which does nothing else while it waits.</summary>
    public IDisposable Enter()
    {
        _gate.Wait();
        return new Release(_gate);
    }

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }

    private sealed class NoRelease : IDisposable
    {
        public void Dispose()
        {
        }
    }
}
