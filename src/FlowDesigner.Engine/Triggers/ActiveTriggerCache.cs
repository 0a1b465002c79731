using System.Collections.Concurrent;
using FlowDesigner.Model.Stores;

namespace FlowDesigner.Engine.Triggers;

/// <summary>
/// Which published versions listen on a trigger, kept for a second so that a burst of webhook calls does not ask
/// the database each time. A publish, deactivation or deletion in this process clears it at once; one on another
/// process is seen within the second.
/// </summary>
public sealed class ActiveTriggerCache(IVersionStore versions, TimeProvider clock)
{
    private static readonly TimeSpan Fresh = TimeSpan.FromSeconds(1);
    private readonly ConcurrentDictionary<(string Type, string? Key), (DateTimeOffset At, IReadOnlyList<ActiveTrigger> Triggers)> _found = new();
    private long _generation;

    public async Task<IReadOnlyList<ActiveTrigger>> FindAsync(string triggerType, string? triggerKey, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (_found.TryGetValue((triggerType, triggerKey), out var known) && now - known.At < Fresh)
        {
            return known.Triggers;
        }

        var generation = Interlocked.Read(ref _generation);
        var triggers = await versions.FindActiveTriggersAsync(triggerType, triggerKey, cancellationToken);
        if (Interlocked.Read(ref _generation) == generation)
        {
            _found[(triggerType, triggerKey)] = (now, triggers);
        }

        return triggers;
    }

    /// <summary>After a change of what is published.</summary>
    public void Clear()
    {
        Interlocked.Increment(ref _generation);
        _found.Clear();
    }
}
