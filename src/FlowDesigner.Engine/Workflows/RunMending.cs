using FlowDesigner.Engine.Runtime;
using FlowDesigner.Model.Runs;
using FlowDesigner.Model.Stores;
using FlowDesigner.Model.Users;

namespace FlowDesigner.Engine.Workflows;

/// <summary>
/// Mending what failed (DESIGN.md section 5): a retry from the failed steps on the version the run ran, reusing what
/// succeeded; a replay from the start on the same or the latest version; a retry of every failed run a filter selects.
/// Each makes a new run on the mended run's event, continuing its chain, and each is audited with its user.
/// </summary>
public sealed class RunMending(
    IRunStore runs, IVersionStore versions, PlanCache plans, RunQueue queue, EngineNode node, IAuditTrail audit, EngineMetrics metrics, TimeProvider clock)
{
    /// <summary>How many failed runs a bulk retry reads at a time.</summary>
    private const int BulkPage = 200;

    public async Task<MendResult> RetryAsync(Guid runId, Actor actor, CancellationToken cancellationToken)
    {
        var snapshot = await runs.GetSnapshotAsync(runId, cancellationToken);
        if (snapshot is null)
        {
            return MendResult.Refused(MendRefusal.NotFound, $"No run has the id {runId}.");
        }

        var result = await RetryAsync(snapshot, cancellationToken);
        if (result.RunId is { } retry)
        {
            await audit.WriteAsync("run", runId.ToString(), actor, "run.retried", $"Retried run {runId} from its failed steps as run {retry}", cancellationToken);
        }

        return result;
    }

    public async Task<MendResult> ReplayAsync(Guid runId, ReplayVersion which, Actor actor, CancellationToken cancellationToken)
    {
        var snapshot = await runs.GetSnapshotAsync(runId, cancellationToken);
        if (snapshot is null)
        {
            return MendResult.Refused(MendRefusal.NotFound, $"No run has the id {runId}.");
        }

        var run = snapshot.Run;
        if (!run.IsTerminal)
        {
            return MendResult.Refused(MendRefusal.WrongState, $"Run {runId} is {run.Status.ToString().ToLowerInvariant()}: cancel it or let it end before replaying it.");
        }

        var version = which == ReplayVersion.Same
            ? run.VersionId is { } pinned ? await versions.FindAsync(pinned, cancellationToken) : null
            : await versions.FindActiveAsync(run.WorkflowId, cancellationToken)
                ?? (await versions.ListAsync(run.WorkflowId, cancellationToken)).MaxBy(v => v.Number);
        if (version is null)
        {
            return MendResult.Refused(MendRefusal.NoVersion, which == ReplayVersion.Same
                ? $"The version run {runId} ran is no longer stored: replay it on the latest version."
                : $"The workflow of run {runId} has no published version to replay it on.");
        }

        var plan = await plans.GetAsync(version.Id, cancellationToken);
        var trigger = snapshot.Steps[0]; // the trigger's step is always a run's first, and the steps come in id order
        var start = await StartAsync(new MendingRun(run, version.Id, version.Number, RunCause.Replay, [trigger with { NodeId = plan.Trigger.Id }]), cancellationToken);
        await audit.WriteAsync("run", runId.ToString(), actor, "run.replayed",
            $"Replayed run {runId} on {(version.Id == run.VersionId ? "the same" : "the latest")} version (v{version.Number}) as run {start}", cancellationToken);
        return MendResult.Started(start);
    }

    /// <summary>
    /// Retries every failed run the filter selects (whatever statuses it names), newest first, passing over a run a
    /// run retried before; the runs it starts are newer than any it reads, so none is retried twice.
    /// </summary>
    public async Task<BulkRetryResult> RetryFailedAsync(RunFilter filter, Actor actor, IProgress<BulkRetryProgress>? progress, CancellationToken cancellationToken)
    {
        var failed = filter with { Statuses = [RunStatus.Failed] };
        var started = new List<Guid>();
        var (seen, alreadyRetried) = (0, 0);
        Guid? after = null;
        do
        {
            var page = await runs.FindRunsAsync(failed, after, BulkPage, cancellationToken);
            foreach (var run in page.Runs)
            {
                seen++;
                if ((await runs.FindMendingRunsAsync(run.Id, cancellationToken)).Count > 0)
                {
                    alreadyRetried++;
                }
                else if (await runs.GetSnapshotAsync(run.Id, cancellationToken) is { } snapshot && (await RetryAsync(snapshot, cancellationToken)).RunId is { } retry)
                {
                    started.Add(retry);
                }

                progress?.Report(new BulkRetryProgress(seen, started.Count, alreadyRetried));
            }

            after = page.Next;
        }
        while (after is not null);

        if (started.Count > 0)
        {
            await audit.WriteAsync("run", "bulk", actor, "run.retried-bulk",
                $"Retried {started.Count} failed run(s) from their failed steps ({alreadyRetried} retried before were passed over)", cancellationToken);
        }

        return new BulkRetryResult(started, alreadyRetried);
    }

    private async Task<MendResult> RetryAsync(RunSnapshot snapshot, CancellationToken cancellationToken)
    {
        var run = snapshot.Run;
        if (run.Status != RunStatus.Failed)
        {
            return MendResult.Refused(MendRefusal.WrongState,
                $"Run {run.Id} is {run.Status.ToString().ToLowerInvariant()}: only a failed run is retried from its failed steps. Replay it to run it again from the start.");
        }

        var version = run.VersionId is { } pinned ? await versions.FindAsync(pinned, cancellationToken) : null;
        if (version is null)
        {
            return MendResult.Refused(MendRefusal.NoVersion, $"The version run {run.Id} ran is no longer stored: replay it on the latest version.");
        }

        var plan = await plans.GetAsync(version.Id, cancellationToken);
        var reused = RetryReuse.Of(plan, snapshot.Steps);
        return MendResult.Started(await StartAsync(new MendingRun(run, version.Id, version.Number, RunCause.Retry, reused), cancellationToken));
    }

    private async Task<Guid> StartAsync(MendingRun run, CancellationToken cancellationToken)
    {
        var start = await runs.StartMendingRunAsync(run with { Holder = node.Id }, clock.GetUtcNow().UtcDateTime, cancellationToken);
        metrics.RunStarted(run.Mends.WorkflowId);
        queue.Enqueue(start.RunId, start.Snapshot);
        return start.RunId;
    }
}
