using FlowDesigner.Model.Runs;
using FlowDesigner.Model.Stores;

namespace FlowDesigner.Engine.Workflows;

/// <summary>Reads a run for the people who follow it: its steps carry their nodes' names, not only their ids.</summary>
public sealed class RunReader(IRunStore runs, IVersionStore versions)
{
    public async Task<RunDetails?> FindAsync(Guid runId, CancellationToken cancellationToken)
    {
        if (await runs.GetSnapshotAsync(runId, cancellationToken) is not { } snapshot)
        {
            return null;
        }

        // The version the run is pinned to names its nodes; it is read as stored, not planned, so that a run of any
        // version reads back, however its graph stands.
        var version = snapshot.Run.VersionId is { } versionId ? await versions.FindAsync(versionId, cancellationToken) : null;
        var nodes = version?.Definition.Nodes.GroupBy(n => n.Id).ToDictionary(g => g.Key, g => g.First());
        return new RunDetails(snapshot.Run, snapshot.Steps.Select(s => StepDetail.Of(s, nodes?.GetValueOrDefault(s.NodeId))).ToList())
        {
            WorkflowName = version?.Definition.Name,
            CausedByRunId = await runs.FindCausingRunAsync(runId, cancellationToken),
            MendedBy = await runs.FindMendingRunsAsync(runId, cancellationToken),
            Version = version,
        };
    }
}
