using System.Collections.Concurrent;
using FlowDesigner.Model.Runs;

namespace FlowDesigner.Engine.Runtime;

/// <summary>
/// Lets a caller (a webhook answering when the run finishes) wait for a run to end. Runs that end in this process
/// signal at once; the database is polled as well, so a run finished by another node is seen too.
/// </summary>
public sealed class RunCompletions(IRunStore runs)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);
    private readonly ConcurrentDictionary<Guid, TaskCompletionSource> _waiters = new();

    /// <summary>The ended run, or null when it had not ended within <paramref name="timeout"/>.</summary>
    public async Task<RunRecord?> WaitAsync(Guid runId, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var signal = _waiters.GetOrAdd(runId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            while (true)
            {
                if (await runs.FindRunAsync(runId, cancellationToken) is { IsTerminal: true } run)
                {
                    return run;
                }

                await Task.WhenAny(signal.Task, Task.Delay(PollInterval, deadline.Token));
                if (deadline.IsCancellationRequested)
                {
                    return await runs.FindRunAsync(runId, cancellationToken) is { IsTerminal: true } last ? last : null;
                }
            }
        }
        finally
        {
            _waiters.TryRemove(runId, out _);
        }
    }

    public void Notify(Guid runId)
    {
        if (_waiters.TryGetValue(runId, out var signal))
        {
            signal.TrySetResult();
        }
    }
}
