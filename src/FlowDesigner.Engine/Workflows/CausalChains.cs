using FlowDesigner.Model.Events;
using FlowDesigner.Model.Runs;
using FlowDesigner.Model.Stores;

namespace FlowDesigner.Engine.Workflows;

/// <summary>
/// Reads the tree of what an event or a run caused, to any depth: the runs an event started, the events those runs
/// emitted, the runs those started, and so on. Each level is two indexed lookups for all of its nodes at once, so a
/// chain of a hundred runs is a couple of hundred small reads; a chain that feeds itself is cut at
/// <see cref="MostNodes"/>.
/// </summary>
public sealed class CausalChains(IEventStore events, IRunStore runs, IWorkflowStore workflows)
{
    public const int MostNodes = 2000;

    public async Task<CausalChain?> OfEventAsync(Guid eventId, CancellationToken cancellationToken) =>
        await events.FindEventAsync(eventId, cancellationToken) is { } root
            ? await ReadAsync(EventNode(root), cancellationToken)
            : null;

    public async Task<CausalChain?> OfRunAsync(Guid runId, CancellationToken cancellationToken) =>
        await runs.FindRunAsync(runId, cancellationToken) is { } root
            ? await ReadAsync(RunNode(root), cancellationToken)
            : null;

    private async Task<CausalChain> ReadAsync(ChainNode root, CancellationToken cancellationToken)
    {
        var names = await WorkflowNamesAsync(cancellationToken);
        var children = new Dictionary<Guid, List<Guid>>();
        var nodes = new Dictionary<Guid, ChainNode>
        {
            [root.Id] = root.Run is { } run ? root with { WorkflowName = names.GetValueOrDefault(run.WorkflowId) } : root,
        };
        List<Guid> order = [root.Id];
        List<Guid> eventIds = root.Event is null ? [] : [root.Id];
        List<Guid> runIds = root.Run is null ? [] : [root.Id];
        var truncated = false;
        while ((eventIds.Count > 0 || runIds.Count > 0) && !truncated)
        {
            var started = await events.FindRunsOfEventsAsync(eventIds, cancellationToken);
            runIds.AddRange(started.Select(r => r.Run.Id));
            foreach (var link in started)
            {
                truncated |= !Add(link.EventId, link.Run.Id, RunNode(link.Run) with { WorkflowName = names.GetValueOrDefault(link.Run.WorkflowId) });
            }

            var emitted = await events.FindEventsOfRunsAsync(runIds, cancellationToken);
            foreach (var emittedEvent in emitted)
            {
                truncated |= !Add(emittedEvent.CausedByRunId!.Value, emittedEvent.Id, EventNode(emittedEvent));
            }

            eventIds = emitted.Select(e => e.Id).ToList();
            runIds = [];
        }

        // Built from the leaves up (a node was added after its parent), without recursion: a chain may be thousands deep.
        var built = new Dictionary<Guid, ChainNode>();
        foreach (var id in order.AsEnumerable().Reverse())
        {
            built[id] = nodes[id] with { Children = children.TryGetValue(id, out var below) ? below.Select(c => built[c]).ToList() : [] };
        }

        return new CausalChain(built[root.Id], nodes.Count, truncated);

        bool Add(Guid parent, Guid id, ChainNode node)
        {
            if (nodes.Count >= MostNodes || !nodes.ContainsKey(parent) || !nodes.TryAdd(id, node))
            {
                return nodes.Count < MostNodes;
            }

            (children.TryGetValue(parent, out var list) ? list : children[parent] = []).Add(id);
            order.Add(id);
            return true;
        }
    }

    private async Task<Dictionary<Guid, string>> WorkflowNamesAsync(CancellationToken cancellationToken)
    {
        var listed = await workflows.ListAsync(new WorkflowQuery(Take: 1000) { Sort = WorkflowSort.Name, Descending = false }, cancellationToken);
        return listed.Items.ToDictionary(w => w.Id, w => w.Name);
    }

    private static ChainNode EventNode(EventRecord record) => new(record.Id, record.ReceivedAt, []) { Event = record };

    private static ChainNode RunNode(RunRecord record) => new(record.Id, record.CreatedAt, []) { Run = record };
}
