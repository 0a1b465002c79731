using FlowDesigner.Model.Runs;
using Microsoft.Data.Sqlite;

namespace FlowDesigner.Persistence.Sql;

/// <summary>
/// The statements of a run's hot path (its start, and each advance), prepared once on the batch writer's
/// connection. Each returns how many rows it changed, so a conditional update that found nothing can undo its
/// part of the batch.
/// </summary>
internal sealed class RunStatements(SqliteConnection connection) : IDisposable
{
    private readonly SqliteCommand _insertEvent = SqlValues.Command(connection, """
        INSERT INTO "Events" ("Id", "Type", "Source", "PayloadJson", "CorrelationId", "CausedByRunId", "DedupeKey", "ReceivedAt")
        VALUES ($id, $type, $source, $payload, $correlation, $causedBy, $dedupe, $now)
        """, "$id", "$type", "$source", "$payload", "$correlation", "$causedBy", "$dedupe", "$now");

    private readonly SqliteCommand _insertRun = SqlValues.Command(connection, """
        INSERT INTO "Runs" ("Id", "WorkflowId", "VersionId", "EventId", "Status", "Cause", "CorrelationId", "DedupeKey", "ParentStepId", "CreatedAt", "LeaseUntil")
        VALUES ($id, $workflow, $version, $event, 'Pending', $cause, $correlation, $dedupe, $parent, $now, $lease)
        """, "$id", "$workflow", "$version", "$event", "$cause", "$correlation", "$dedupe", "$parent", "$now", "$lease");

    private readonly SqliteCommand _insertStep = SqlValues.Command(connection, """
        INSERT INTO "StepRuns" ("Id", "RunId", "NodeId", "Scope", "Attempt", "Status", "InputJson", "OutputJson", "Port", "Error", "ScheduledAt", "StartedAt", "FinishedAt")
        VALUES ($id, $run, $node, $scope, $attempt, $status, $input, $output, $port, $error, $scheduled, $started, $finished)
        """, "$id", "$run", "$node", "$scope", "$attempt", "$status", "$input", "$output", "$port", "$error", "$scheduled", "$started", "$finished");

    private readonly SqliteCommand _openRun = SqlValues.Command(connection, """
        UPDATE "Runs" SET "Status" = 'Running', "StartedAt" = coalesce("StartedAt", $now), "LeaseUntil" = coalesce($lease, "LeaseUntil")
        WHERE "Id" = $id AND "Status" IN ('Pending', 'Running')
        """, "$id", "$now", "$lease");

    private readonly SqliteCommand _completeStep = SqlValues.Command(connection, """
        UPDATE "StepRuns" SET "Status" = $status, "InputJson" = $input, "OutputJson" = $output, "Port" = $port, "FinishedAt" = $now
        WHERE "Id" = $id AND "Status" = 'Running'
        """, "$id", "$status", "$input", "$output", "$port", "$now");

    private readonly SqliteCommand _finishLoop = SqlValues.Command(connection, """
        UPDATE "StepRuns" SET "Port" = 'done', "OutputJson" = $results
        WHERE "Id" = $id AND "Status" = 'Succeeded' AND "Port" = 'each'
        """, "$id", "$results");

    // Opens and ends the run in one change, when an advance finishes it: the run's status index is touched once.
    private readonly SqliteCommand _endRun = SqlValues.Command(connection, """
        UPDATE "Runs" SET "Status" = $status, "StartedAt" = coalesce("StartedAt", $now), "OutputJson" = $output, "Error" = $error, "FinishedAt" = $now
        WHERE "Id" = $id AND "Status" IN ('Pending', 'Running')
        """, "$id", "$status", "$output", "$error", "$now");

    private readonly SqliteCommand _cancelUnfinished = SqlValues.Command(connection, """
        UPDATE "StepRuns" SET "Status" = 'Cancelled', "Error" = $reason, "FinishedAt" = $now
        WHERE "RunId" = $run AND "Status" IN ('Pending', 'Running', 'Waiting')
        """, "$run", "$reason", "$now");

    public void InsertEvent(Guid id, NewRun run, DateTime now)
    {
        _insertEvent.Set("$id", id);
        _insertEvent.Set("$type", run.EventType);
        _insertEvent.Set("$source", run.EventSource);
        _insertEvent.Set("$payload", run.PayloadJson);
        _insertEvent.Set("$correlation", run.CorrelationId);
        _insertEvent.Set("$causedBy", run.CausedByRunId);
        _insertEvent.Set("$dedupe", run.DedupeKey);
        _insertEvent.Set("$now", now);
        _insertEvent.ExecuteNonQuery();
    }

    public void InsertRun(Guid id, Guid eventId, NewRun run, DateTime now)
    {
        _insertRun.Set("$id", id);
        _insertRun.Set("$workflow", run.WorkflowId);
        _insertRun.Set("$version", run.VersionId);
        _insertRun.Set("$event", eventId);
        _insertRun.Set("$cause", run.Cause);
        _insertRun.Set("$correlation", run.CorrelationId);
        _insertRun.Set("$dedupe", run.DedupeKey);
        _insertRun.Set("$parent", run.ParentStepId);
        _insertRun.Set("$now", now);
        _insertRun.Set("$lease", run.LeaseUntil);
        _insertRun.ExecuteNonQuery();
    }

    public void InsertStep(StepRecord step)
    {
        _insertStep.Set("$id", step.Id);
        _insertStep.Set("$run", step.RunId);
        _insertStep.Set("$node", step.NodeId);
        _insertStep.Set("$scope", step.Scope);
        _insertStep.Set("$attempt", step.Attempt);
        _insertStep.Set("$status", step.Status);
        _insertStep.Set("$input", step.InputJson);
        _insertStep.Set("$output", step.OutputJson);
        _insertStep.Set("$port", step.Port);
        _insertStep.Set("$error", step.Error);
        _insertStep.Set("$scheduled", step.ScheduledAt);
        _insertStep.Set("$started", step.StartedAt);
        _insertStep.Set("$finished", step.FinishedAt);
        _insertStep.ExecuteNonQuery();
    }

    public int OpenRun(Guid runId, DateTime now, DateTime? lease)
    {
        _openRun.Set("$id", runId);
        _openRun.Set("$now", now);
        _openRun.Set("$lease", lease);
        return _openRun.ExecuteNonQuery();
    }

    public int CompleteStep(StepRecord step, DateTime now)
    {
        _completeStep.Set("$id", step.Id);
        _completeStep.Set("$status", step.Status);
        _completeStep.Set("$input", step.InputJson);
        _completeStep.Set("$output", step.OutputJson);
        _completeStep.Set("$port", step.Port);
        _completeStep.Set("$now", now);
        return _completeStep.ExecuteNonQuery();
    }

    public int FinishLoop(LoopResults loop)
    {
        _finishLoop.Set("$id", loop.StepId);
        _finishLoop.Set("$results", loop.ResultsJson);
        return _finishLoop.ExecuteNonQuery();
    }

    /// <summary>Ends a run that has not ended yet; 0 when it had.</summary>
    public int EndRun(Guid runId, RunEnd end, DateTime now)
    {
        _endRun.Set("$id", runId);
        _endRun.Set("$status", end.Status);
        _endRun.Set("$output", end.OutputJson);
        _endRun.Set("$error", end.Error);
        _endRun.Set("$now", now);
        return _endRun.ExecuteNonQuery();
    }

    public void CancelUnfinished(Guid runId, string reason, DateTime now)
    {
        _cancelUnfinished.Set("$run", runId);
        _cancelUnfinished.Set("$reason", reason);
        _cancelUnfinished.Set("$now", now);
        _cancelUnfinished.ExecuteNonQuery();
    }

    public void Dispose()
    {
        foreach (var command in new[] { _insertEvent, _insertRun, _insertStep, _openRun, _completeStep, _finishLoop, _endRun, _cancelUnfinished })
        {
            command.Dispose();
        }
    }
}
