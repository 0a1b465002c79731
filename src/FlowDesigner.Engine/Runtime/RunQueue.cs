using System.Threading.Channels;
using FlowDesigner.Model.Runs;

namespace FlowDesigner.Engine.Runtime;

/// <summary>
/// Committed runs waiting for their advance in this process (see <see cref="RunWorkers"/>). It need not be
/// durable: the runs are in the database with a lease, and recovery takes over those whose holder went away.
/// </summary>
public sealed class RunQueue
{
    /// <summary>Beyond this many queued runs, only their ids are kept in memory; each is read back when its turn comes.</summary>
    private const int MostKeptWhole = 1000;

    private readonly Channel<(Guid RunId, RunSnapshot? Known)> _queued =
        Channel.CreateUnbounded<(Guid, RunSnapshot?)>(new UnboundedChannelOptions { SingleWriter = false, SingleReader = false });

    /// <summary>How many runs wait for their advance.</summary>
    public int Count => _queued.Reader.Count;

    /// <param name="known">The run as just written, when the caller has it (a run just started).</param>
    public void Enqueue(Guid runId, RunSnapshot? known = null) =>
        _queued.Writer.TryWrite((runId, _queued.Reader.Count < MostKeptWhole ? known : null));

    internal IAsyncEnumerable<(Guid RunId, RunSnapshot? Known)> ReadAllAsync(CancellationToken cancellationToken) =>
        _queued.Reader.ReadAllAsync(cancellationToken);

    /// <summary>Empties the queue, returning the ids that were waiting.</summary>
    internal IReadOnlyList<Guid> TakeAll()
    {
        var left = new List<Guid>();
        while (_queued.Reader.TryRead(out var queued))
        {
            left.Add(queued.RunId);
        }

        return left;
    }
}
