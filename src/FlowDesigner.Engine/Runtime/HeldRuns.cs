namespace FlowDesigner.Engine.Runtime;

/// <summary>
/// The runs this process is advancing right now. One advance of a run at a time per process: a second request to
/// advance a held run only marks it, and the holder plans once more before it lets go, so nothing is missed and no
/// step is executed twice by the same process.
/// </summary>
public sealed class HeldRuns
{
    private readonly Dictionary<Guid, bool> _held = [];

    /// <summary>True when the caller now holds the run; false when it was held already (it is then marked to plan again).</summary>
    public bool TryEnter(Guid runId)
    {
        lock (_held)
        {
            if (_held.ContainsKey(runId))
            {
                _held[runId] = true;
                return false;
            }

            _held[runId] = false;
            return true;
        }
    }

    /// <summary>Lets go of the run unless another advance was asked for meanwhile: then false, and the caller plans again.</summary>
    public bool TryExit(Guid runId)
    {
        lock (_held)
        {
            if (_held.TryGetValue(runId, out var again) && again)
            {
                _held[runId] = false;
                return false;
            }

            _held.Remove(runId);
            return true;
        }
    }

    /// <summary>Lets go of the run whatever was asked meanwhile (it ended, or its advance failed).</summary>
    public void Exit(Guid runId)
    {
        lock (_held)
        {
            _held.Remove(runId);
        }
    }
}
