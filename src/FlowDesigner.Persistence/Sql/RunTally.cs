using FlowDesigner.Model.Runs;
using FlowDesigner.Persistence.Columns;

namespace FlowDesigner.Persistence.Sql;

/// <summary>
/// What a batch of the run writer changed that the rollups and the feed of changes keep: the runs it started and
/// ended, and how each ended, by workflow and minute. Each job's part is kept only when the job is, and the batch's
/// whole is written once, just before it commits: one counting per workflow and minute, and one feed row, for however
/// many runs the batch holds.
/// </summary>
internal sealed class RunTally
{
    private readonly Dictionary<(Guid WorkflowId, long Minute), (int Succeeded, int Failed, int Cancelled)> _ends = [];
    private readonly List<Guid> _changed = [];
    private readonly List<(Guid WorkflowId, long Minute, RunStatus Status)> _jobEnds = [];
    private readonly List<Guid> _jobChanged = [];

    public bool IsEmpty => _changed.Count == 0;

    public IReadOnlyDictionary<(Guid WorkflowId, long Minute), (int Succeeded, int Failed, int Cancelled)> Ends => _ends;

    public void Started(Guid runId) => _jobChanged.Add(runId);

    public void Ended(Guid runId, Guid workflowId, DateTime at, RunStatus status)
    {
        _jobChanged.Add(runId);
        _jobEnds.Add((workflowId, at.Ticks / TimeSpan.TicksPerMinute, status));
    }

    /// <summary>The job was written: its part joins the batch's.</summary>
    public void Keep()
    {
        foreach (var (workflowId, minute, status) in _jobEnds)
        {
            var (succeeded, failed, cancelled) = _ends.GetValueOrDefault((workflowId, minute));
            _ends[(workflowId, minute)] = status switch
            {
                RunStatus.Succeeded => (succeeded + 1, failed, cancelled),
                RunStatus.Failed => (succeeded, failed + 1, cancelled),
                _ => (succeeded, failed, cancelled + 1),
            };
        }

        _changed.AddRange(_jobChanged);
        Discard();
    }

    /// <summary>The job was undone: its part goes with it.</summary>
    public void Discard()
    {
        _jobEnds.Clear();
        _jobChanged.Clear();
    }

    /// <summary>The ids of the runs the batch changed, one after another, as the feed stores them.</summary>
    public byte[] ChangedIds()
    {
        var bytes = new byte[_changed.Count * IdBytes.Length];
        for (var i = 0; i < _changed.Count; i++)
        {
            IdBytes.Write(_changed[i], bytes.AsSpan(i * IdBytes.Length, IdBytes.Length));
        }

        return bytes;
    }

    public void Clear()
    {
        _ends.Clear();
        _changed.Clear();
        Discard();
    }
}
