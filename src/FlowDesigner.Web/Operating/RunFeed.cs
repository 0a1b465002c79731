using System.Collections.Concurrent;
using FlowDesigner.Model.Runs;

namespace FlowDesigner.Web.Operating;

/// <summary>
/// Follows the database's feed of run changes from a cursor and tells the open pages which runs changed, about once a
/// second: what any node wrote reaches every node's pages. It reads changes only while a page listens, and keeps the feed short.
/// </summary>
public sealed class RunFeed(IRunStore runs, ILogger<RunFeed> logger) : BackgroundService
{
    private static readonly TimeSpan ReadEvery = TimeSpan.FromSeconds(1);

    /// <summary>How many changes a read takes; more wait for the next.</summary>
    private const int MostPerRead = 10_000;

    /// <summary>How many of the newest feed rows (each a batch of the run writer's) the feed keeps: far more than a read takes.</summary>
    private const int Keep = 20_000;

    private static readonly TimeSpan PruneEvery = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<Guid, Func<IReadOnlySet<Guid>, Task>> _listeners = new();

    /// <summary>Calls <paramref name="changed"/> with the ids of the runs written since the last call, until disposed.</summary>
    public IDisposable Listen(Func<IReadOnlySet<Guid>, Task> changed)
    {
        var key = Guid.NewGuid();
        _listeners[key] = changed;
        return new Listening(() => _listeners.TryRemove(key, out _));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        long? cursor = null;
        var pruned = DateTime.UtcNow;
        using var timer = new PeriodicTimer(ReadEvery);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                if (_listeners.IsEmpty)
                {
                    // Nobody listens: nothing is read, but the cursor keeps up (one look at the feed's last key), so that a
                    // page that begins listening hears what changed since the tick before it did, while it was loading.
                    cursor = await runs.LatestChangeAsync(stoppingToken);
                }
                else if (cursor is not { } after)
                {
                    cursor = await runs.LatestChangeAsync(stoppingToken);
                }
                else
                {
                    var changes = await runs.ReadChangesAsync(after, MostPerRead, stoppingToken);
                    if (changes.Count > 0)
                    {
                        cursor = changes[^1].Seq;
                        await TellAsync(changes.Select(c => c.RunId).ToHashSet());
                    }
                }

                if (DateTime.UtcNow - pruned > PruneEvery)
                {
                    pruned = DateTime.UtcNow;
                    await runs.PruneChangesAsync(Keep, stoppingToken);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "Reading the run changes failed; the open pages show what they had, and the next read tries again.");
            }
        }
    }

    private async Task TellAsync(IReadOnlySet<Guid> changed)
    {
        foreach (var listener in _listeners.Values)
        {
            try
            {
                await listener(changed);
            }
            catch (Exception exception)
            {
                logger.LogDebug(exception, "A page could not take the run changes (it is closing).");
            }
        }
    }

    private sealed class Listening(Action stop) : IDisposable
    {
        public void Dispose() => stop();
    }
}
