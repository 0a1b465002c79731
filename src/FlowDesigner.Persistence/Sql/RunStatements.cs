using FlowDesigner.Model.Descriptors;
using FlowDesigner.Model.Events;
using FlowDesigner.Model.Runs;
using FlowDesigner.Persistence.Columns;
using FlowDesigner.Persistence.Configuration;
using Microsoft.Data.Sqlite;

namespace FlowDesigner.Persistence.Sql;

/// <summary>
/// The statements of a run's hot path (its start, and each advance), prepared once on the batch writer's
/// connection; each binds its values by position, in the order of its parameters. Each returns how many rows it
/// changed, so a conditional update that found nothing can undo its part of the batch.
/// </summary>
internal sealed class RunStatements(SqliteConnection connection) : IDisposable
{
    private readonly PreparedStatement _insertEvent = new(connection, """
        INSERT INTO "Events" ("Id", "Type", "Source", "PayloadJson", "CorrelationId", "CausedByRunId", "DedupeKey", "ReceivedAt")
        VALUES ($id, $type, $source, $payload, $correlation, $causedBy, $dedupe, $now)
        """, "$id", "$type", "$source", "$payload", "$correlation", "$causedBy", "$dedupe", "$now");

    private readonly PreparedStatement _insertRun = new(connection, $$"""
        INSERT INTO "Runs" ("Id", "WorkflowId", "VersionId", "EventId", "Status", "Cause", "CorrelationId", "DedupeKey", "ParentStepId", "CreatedAt", "HolderId", "Title", "TitleKey")
        VALUES ($id, $workflow, $version, $event, {{StatusSql.Pending}}, $cause, $correlation, $dedupe, $parent, $now, $holder, $title, $titleKey)
        """, "$id", "$workflow", "$version", "$event", "$cause", "$correlation", "$dedupe", "$parent", "$now", "$holder", "$title", "$titleKey");

    private readonly PreparedStatement _insertStep = new(connection, """
        INSERT INTO "Steps" ("Id", "RunId", "NodeId", "Scope", "Attempt", "Status", "InputJson", "OutputJson", "Port", "Error", "ScheduledAt", "StartedAt", "FinishedAt")
        VALUES ($id, $run, $node, $scope, $attempt, $status, $input, $output, $port, $error, $scheduled, $started, $finished)
        """, "$id", "$run", "$node", "$scope", "$attempt", "$status", "$input", "$output", "$port", "$error", "$scheduled", "$started", "$finished");

    // Only the run's holder, or a node finding it held by nobody, writes an advance; the writer holds it after,
    // unless it lets go with this write ($keeper is then null).
    private readonly PreparedStatement _openRun = new(connection, $$"""
        UPDATE "Runs" SET "Status" = {{StatusSql.Running}}, "StartedAt" = coalesce("StartedAt", $started), "HolderId" = $keeper
        WHERE "Id" = $id AND "Status" IN ({{StatusSql.Open}}) AND ("HolderId" IS NULL OR "HolderId" = $holder)
        """, "$started", "$keeper", "$id", "$holder");

    private readonly PreparedStatement _heldElsewhere = new(connection, $$"""
        SELECT 1 FROM "Runs" WHERE "Id" = $id AND "Status" IN ({{StatusSql.Open}}) AND "HolderId" IS NOT NULL AND "HolderId" <> coalesce($holder, x'')
        """, "$id", "$holder");

    private readonly PreparedStatement _completeStep = new(connection, $$"""
        UPDATE "Steps" SET "Status" = $status, "InputJson" = $input, "OutputJson" = $output, "Port" = $port, "FinishedAt" = {{StepTimes.FinishSql}}
        WHERE "Id" = $id AND "Status" = {{StatusSql.StepRunning}}
        """, "$status", "$input", "$output", "$port", "$now", "$id");

    private readonly PreparedStatement _finishLoop = new(connection, $$"""
        UPDATE "Steps" SET "Port" = 'done', "OutputJson" = $results
        WHERE "Id" = $id AND "Status" = {{StatusSql.StepSucceeded}} AND "Port" = 'each'
        """, "$results", "$id");

    // Opens and ends the run in one change, when an advance finishes it: the run's status index is touched once. Its
    // workflow comes back for the rollups.
    private readonly PreparedStatement _endRun = new(connection, $$"""
        UPDATE "Runs" SET "Status" = $status, "StartedAt" = coalesce("StartedAt", $started), "OutputJson" = $output, "Error" = $error, "FinishedAt" = $now, "HolderId" = NULL
        WHERE "Id" = $id AND "Status" IN ({{StatusSql.Open}}) AND ("HolderId" IS NULL OR "HolderId" = $holder)
        RETURNING "WorkflowId"
        """, "$status", "$started", "$output", "$error", "$now", "$id", "$holder");

    private readonly PreparedStatement _countEnds = new(connection, RunRollupConfiguration.CountEnds, "@workflow", "@minute", "@succeeded", "@failed", "@cancelled");

    private readonly PreparedStatement _appendChanges = new(connection, RunChangeConfiguration.AppendRuns, "$runs");

    /// <summary>What the batch being written changed, for the rollups and the feed (see <see cref="RunTally"/>).</summary>
    public RunTally Tally { get; } = new();

    private readonly PreparedStatement _cancelUnfinished = new(connection, $$"""
        UPDATE "Steps" SET "Status" = {{StatusSql.StepCancelled}}, "Error" = $reason, "FinishedAt" = {{StepTimes.FinishSql}}
        WHERE "RunId" = $run AND "Status" IN ({{StatusSql.StepUnfinished}})
        """, "$reason", "$now", "$run");

    public void InsertEvent(Guid id, Guid correlationId, NewRun run, DateTime now) =>
        InsertEvent(id, run.EventType, run.EventSource, run.PayloadJson, correlationId, run.CausedByRunId, run.DedupeKey, now);

    public void InsertEvent(Guid id, NewEvent newEvent, DateTime now) =>
        InsertEvent(id, newEvent.Type, newEvent.Source, newEvent.PayloadJson, newEvent.CorrelationId, newEvent.CausedByRunId, null, now);

    private void InsertEvent(Guid id, string type, string source, string payload, Guid correlationId, Guid? causedBy, string? dedupeKey, DateTime now)
    {
        _insertEvent.Bind(1, id);
        _insertEvent.Bind(2, type);
        _insertEvent.Bind(3, source);
        _insertEvent.Bind(4, payload);
        _insertEvent.Bind(5, correlationId);
        _insertEvent.Bind(6, causedBy);
        _insertEvent.Bind(7, dedupeKey);
        _insertEvent.Bind(8, now);
        _insertEvent.Execute();
    }

    public void InsertRun(Guid id, Guid eventId, Guid correlationId, NewRun run, DateTime now)
    {
        _insertRun.Bind(1, id);
        _insertRun.Bind(2, run.WorkflowId);
        _insertRun.Bind(3, run.VersionId);
        _insertRun.Bind(4, eventId);
        _insertRun.Bind(5, run.Cause);
        _insertRun.Bind(6, correlationId);
        _insertRun.Bind(7, run.DedupeKey);
        _insertRun.Bind(8, run.ParentStepId);
        _insertRun.Bind(9, now);
        _insertRun.Bind(10, run.Holder);
        _insertRun.Bind(11, run.Title);
        _insertRun.Bind(12, run.Title is null ? null : RunTitle.SearchKey(run.Title));
        _insertRun.Execute();
        Tally.Started(id);
    }

    /// <param name="id">The step's id, given as it is written (see <see cref="Stores.StepIdSequence"/>).</param>
    public void InsertStep(StepRecord step, long id)
    {
        _insertStep.Bind(1, id);
        _insertStep.Bind(2, step.RunId);
        _insertStep.Bind(3, step.NodeId);
        _insertStep.Bind(4, step.Scope);
        _insertStep.Bind(5, step.Attempt);
        _insertStep.Bind(6, step.Status);
        _insertStep.Bind(7, step.InputJson);
        _insertStep.Bind(8, step.OutputJson);
        _insertStep.Bind(9, StepPorts.Stored(step.Status, step.Port));
        _insertStep.Bind(10, step.Error);
        _insertStep.Bind(11, step.ScheduledAt);
        _insertStep.Bind(12, StepTimes.Started(step.StartedAt));
        _insertStep.Bind(13, StepTimes.Finished(step.StartedAt, step.FinishedAt));
        _insertStep.Execute();
    }

    /// <param name="started">When the advance began: the run's start, if this is its first.</param>
    public int OpenRun(Guid runId, DateTime started, Guid? holder, bool letGo)
    {
        _openRun.Bind(1, started);
        _openRun.Bind(2, letGo ? null : holder);
        _openRun.Bind(3, runId);
        _openRun.Bind(4, holder);
        return _openRun.Execute();
    }

    /// <summary>Whether the run is unfinished and held by a node other than <paramref name="holder"/>.</summary>
    public bool HeldElsewhere(Guid runId, Guid? holder)
    {
        _heldElsewhere.Bind(1, runId);
        _heldElsewhere.Bind(2, holder);
        return _heldElsewhere.HasRow();
    }

    public int CompleteStep(StepRecord step, DateTime now)
    {
        _completeStep.Bind(1, step.Status);
        _completeStep.Bind(2, step.InputJson);
        _completeStep.Bind(3, step.OutputJson);
        _completeStep.Bind(4, StepPorts.Stored(step.Status, step.Port));
        _completeStep.Bind(5, now);
        _completeStep.Bind(6, step.Id);
        return _completeStep.Execute();
    }

    public int FinishLoop(LoopResults loop)
    {
        _finishLoop.Bind(1, loop.ResultsJson);
        _finishLoop.Bind(2, loop.StepId);
        return _finishLoop.Execute();
    }

    /// <summary>Ends a run that has not ended yet; 0 when it had.</summary>
    /// <param name="started">When the advance began: the run's start, if this is its first.</param>
    public int EndRun(Guid runId, RunEnd end, DateTime started, DateTime now, Guid? holder)
    {
        _endRun.Bind(1, end.Status);
        _endRun.Bind(2, started);
        _endRun.Bind(3, end.OutputJson);
        _endRun.Bind(4, end.Error);
        _endRun.Bind(5, now);
        _endRun.Bind(6, runId);
        _endRun.Bind(7, holder);
        if (_endRun.ReturnedId() is not { } workflowId)
        {
            return 0;
        }

        Tally.Ended(runId, workflowId, now, end.Status);
        return 1;
    }

    /// <summary>Writes what the batch's kept jobs changed: a counting per workflow and minute, and one feed row.</summary>
    public void WriteTally()
    {
        if (Tally.IsEmpty)
        {
            return;
        }

        foreach (var ((workflowId, minute), (succeeded, failed, cancelled)) in Tally.Ends)
        {
            _countEnds.Bind(1, workflowId);
            _countEnds.Bind(2, minute);
            _countEnds.Bind(3, succeeded);
            _countEnds.Bind(4, failed);
            _countEnds.Bind(5, cancelled);
            _countEnds.Execute();
        }

        _appendChanges.Bind(1, Tally.ChangedIds());
        _appendChanges.Execute();
        Tally.Clear();
    }

    public void CancelUnfinished(Guid runId, string reason, DateTime now)
    {
        _cancelUnfinished.Bind(1, reason);
        _cancelUnfinished.Bind(2, now);
        _cancelUnfinished.Bind(3, runId);
        _cancelUnfinished.Execute();
    }

    public void Dispose()
    {
        foreach (var statement in new[] { _insertEvent, _insertRun, _insertStep, _openRun, _heldElsewhere, _completeStep, _finishLoop, _endRun, _countEnds, _appendChanges, _cancelUnfinished })
        {
            statement.Dispose();
        }
    }
}
