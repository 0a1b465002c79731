using FlowDesigner.Model.Descriptors;
using FlowDesigner.Model.Events;
using FlowDesigner.Model.Runs;
using FlowDesigner.Persistence.Columns;
using FlowDesigner.Persistence.Sql;
using Npgsql;

namespace FlowDesigner.Persistence.PostgreSql;

/// <summary>
/// The statements of a run's hot path on PostgreSQL, the same writes as SQLite's (<see cref="RunStatements"/>) in
/// PostgreSQL's words. A step's id is drawn from the <c>StepIds</c> sequence as its row is inserted, and comes back.
/// </summary>
internal static class PostgreSqlRunStatements
{
    /// <summary>The sequence step ids are drawn from (created by the PostgreSQL migrations).</summary>
    public const string StepIdSequence = "StepIds";

    /// <summary>The transaction's commit does not wait for the write-ahead log to reach the disk (SQLite's <c>synchronous=NORMAL</c>).</summary>
    public static NpgsqlBatchCommand CommitWithoutWaitingForTheDisk() => new("SET LOCAL synchronous_commit = off");

    public static NpgsqlBatchCommand InsertEvent(Guid id, Guid correlationId, NewRun run, DateTime now) =>
        InsertEvent(id, run.EventType, run.EventSource, run.PayloadJson, correlationId, run.CausedByRunId, run.DedupeKey, now);

    public static NpgsqlBatchCommand InsertEvent(Guid id, NewEvent newEvent, DateTime now) =>
        InsertEvent(id, newEvent.Type, newEvent.Source, newEvent.PayloadJson, newEvent.CorrelationId, newEvent.CausedByRunId, null, now);

    private static NpgsqlBatchCommand InsertEvent(Guid id, string type, string source, string payload, Guid correlationId, Guid? causedBy, string? dedupeKey, DateTime now) =>
        PostgreSqlCommands.Of("""
            INSERT INTO "Events" ("Id", "Type", "Source", "PayloadJson", "CorrelationId", "CausedByRunId", "DedupeKey", "ReceivedAt")
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
            """).Id(id).Text(type).Text(source).Text(payload).Id(correlationId).Id(causedBy).Text(dedupeKey).Time(now).Command();

    public static NpgsqlBatchCommand InsertRun(Guid id, Guid eventId, Guid correlationId, NewRun run, DateTime now) =>
        PostgreSqlCommands.Of($$"""
            INSERT INTO "Runs" ("Id", "WorkflowId", "VersionId", "EventId", "Status", "Cause", "CorrelationId", "DedupeKey", "ParentStepId", "CreatedAt", "HolderId", "Title", "TitleKey")
            VALUES ($1, $2, $3, $4, {{StatusSql.Pending}}, $5, $6, $7, $8, $9, $10, $11, $12)
            """)
            .Id(id).Id(run.WorkflowId).Id(run.VersionId).Id(eventId).Enum(run.Cause).Id(correlationId).Text(run.DedupeKey).Number(run.ParentStepId)
            .Time(now).Id(run.Holder).Text(run.Title).Text(run.Title is null ? null : RunTitle.SearchKey(run.Title))
            .Command();

    /// <summary>Inserts a step; its id comes back as the statement's one row.</summary>
    public static NpgsqlBatchCommand InsertStep(StepRecord step) =>
        PostgreSqlCommands.Of($$"""
            INSERT INTO "Steps" ("Id", "RunId", "NodeId", "Scope", "Attempt", "Status", "InputJson", "OutputJson", "Port", "Error", "ScheduledAt", "StartedAt", "FinishedAt")
            VALUES (nextval('"{{StepIdSequence}}"'), $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
            RETURNING "Id"
            """)
            .Id(step.RunId).Text(step.NodeId).Text(step.Scope).Number(step.Attempt).Enum(step.Status).Text(step.InputJson).Text(step.OutputJson)
            .Text(StepPorts.Stored(step.Status, step.Port)).Text(step.Error).Time(step.ScheduledAt)
            .Number(StepTimes.Started(step.StartedAt)).Number(StepTimes.Finished(step.StartedAt, step.FinishedAt))
            .Command();

    /// <summary>Only the run's holder, or a node finding it held by nobody, writes an advance (see <see cref="RunStatements"/>).</summary>
    public static NpgsqlBatchCommand OpenRun(Guid runId, DateTime started, Guid? holder, bool letGo) =>
        PostgreSqlCommands.Of($$"""
            UPDATE "Runs" SET "Status" = {{StatusSql.Running}}, "StartedAt" = coalesce("StartedAt", $1), "HolderId" = $2
            WHERE "Id" = $3 AND "Status" IN ({{StatusSql.Open}}) AND ("HolderId" IS NULL OR "HolderId" = $4)
            """).Time(started).Id(letGo ? null : holder).Id(runId).Id(holder).Command();

    public static NpgsqlBatchCommand EndRun(Guid runId, RunEnd end, DateTime started, DateTime now, Guid? holder) =>
        PostgreSqlCommands.Of($$"""
            UPDATE "Runs" SET "Status" = $1, "StartedAt" = coalesce("StartedAt", $2), "OutputJson" = $3, "Error" = $4, "FinishedAt" = $5, "HolderId" = NULL
            WHERE "Id" = $6 AND "Status" IN ({{StatusSql.Open}}) AND ("HolderId" IS NULL OR "HolderId" = $7)
            """).Enum(end.Status).Time(started).Text(end.OutputJson).Text(end.Error).Time(now).Id(runId).Id(holder).Command();

    /// <summary>Counts a run's end in its workflow's minute; written last in its transaction, as the rollup's row lock is held to the commit.</summary>
    public static NpgsqlBatchCommand CountEnd(Guid runId, RunStatus status, DateTime now) =>
        PostgreSqlCommands.Of($$"""
            INSERT INTO "RunRollups" ("WorkflowId", "Minute", "Succeeded", "Failed", "Cancelled")
            SELECT "WorkflowId", $1, ($2 = {{StatusSql.Succeeded}})::int, ($2 = {{StatusSql.Failed}})::int, ($2 = {{StatusSql.Cancelled}})::int FROM "Runs" WHERE "Id" = $3
            ON CONFLICT ("WorkflowId", "Minute") DO UPDATE SET "Succeeded" = "RunRollups"."Succeeded" + excluded."Succeeded",
                "Failed" = "RunRollups"."Failed" + excluded."Failed", "Cancelled" = "RunRollups"."Cancelled" + excluded."Cancelled"
            """).Number(now.Ticks / TimeSpan.TicksPerMinute).Enum(status).Id(runId).Command();

    public static NpgsqlBatchCommand HeldElsewhere(Guid runId, Guid? holder) =>
        PostgreSqlCommands.Of($$"""
            SELECT 1 FROM "Runs" WHERE "Id" = $1 AND "Status" IN ({{StatusSql.Open}}) AND "HolderId" IS NOT NULL AND "HolderId" <> coalesce($2, '\x'::bytea)
            """).Id(runId).Id(holder).Command();

    public static NpgsqlBatchCommand CompleteStep(StepRecord step, DateTime now) =>
        PostgreSqlCommands.Of($$"""
            UPDATE "Steps" SET "Status" = $1, "InputJson" = $2, "OutputJson" = $3, "Port" = $4, "FinishedAt" = $5 - coalesce("StartedAt", 0)
            WHERE "Id" = $6 AND "Status" = {{StatusSql.StepRunning}}
            """).Enum(step.Status).Text(step.InputJson).Text(step.OutputJson).Text(StepPorts.Stored(step.Status, step.Port)).Time(now).Number(step.Id).Command();

    public static NpgsqlBatchCommand FinishLoop(LoopResults loop) =>
        PostgreSqlCommands.Of($$"""
            UPDATE "Steps" SET "Port" = 'done', "OutputJson" = $1 WHERE "Id" = $2 AND "Status" = {{StatusSql.StepSucceeded}} AND "Port" = 'each'
            """).Text(loop.ResultsJson).Number(loop.StepId).Command();

    public static NpgsqlBatchCommand CancelUnfinished(Guid runId, string reason, DateTime now) =>
        PostgreSqlCommands.Of($$"""
            UPDATE "Steps" SET "Status" = {{StatusSql.StepCancelled}}, "Error" = $1, "FinishedAt" = $2 - coalesce("StartedAt", 0)
            WHERE "RunId" = $3 AND "Status" IN ({{StatusSql.StepUnfinished}})
            """).Text(reason).Time(now).Id(runId).Command();

    /// <summary>Appends runs to the feed of changes (see <see cref="Configuration.RunChangeConfiguration"/>).</summary>
    public static NpgsqlBatchCommand AppendChanges(Guid runId) =>
        PostgreSqlCommands.Of("""INSERT INTO "RunChanges" ("RunIds") VALUES ($1)""").Id(runId).Command();
}
