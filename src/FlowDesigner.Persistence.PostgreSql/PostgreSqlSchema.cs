using FlowDesigner.Model.Runs;
using FlowDesigner.Persistence.Sql;

namespace FlowDesigner.Persistence.PostgreSql;

/// <summary>
/// What PostgreSQL's schema has beyond the EF model, as SQLite's has its triggers (<see cref="Configuration.RunTriggers"/>):
/// the same three triggers on the runs in PL/pgSQL, the sequence step ids are drawn from, and the feed's transaction
/// column, by which every node reads the feed in commit order (see the run store's feed).
/// </summary>
internal static class PostgreSqlSchema
{
    private static readonly string Pending = SqlText.Of(RunStatus.Pending);
    private static readonly string Ended = SqlText.Of(RunStatus.Succeeded, RunStatus.Failed, RunStatus.Cancelled);
    private static readonly string Succeeded = SqlText.Of(RunStatus.Succeeded);
    private static readonly string Failed = SqlText.Of(RunStatus.Failed);
    private static readonly string Cancelled = SqlText.Of(RunStatus.Cancelled);
    private const long TicksPerMinute = TimeSpan.TicksPerMinute;

    public static readonly string[] Create =
    [
        $"""CREATE SEQUENCE "{PostgreSqlRunStatements.StepIdSequence}";""",
        // The transaction that appended a change: the feed is read up to the oldest transaction still open, so a change
        // committed late by one node is never passed over by a reader that saw a later one of another's.
        """ALTER TABLE "RunChanges" ADD "Tx" bigint NOT NULL DEFAULT (pg_current_xact_id()::text::bigint);""",
        """CREATE INDEX "IX_RunChanges_Tx" ON "RunChanges" ("Tx");""",
        $$"""
        CREATE FUNCTION "Runs_Inserted"() RETURNS trigger LANGUAGE plpgsql AS $body$
        BEGIN
            INSERT INTO "RunRollups" ("WorkflowId", "Minute", "Succeeded", "Failed", "Cancelled")
            VALUES (NEW."WorkflowId", coalesce(NEW."FinishedAt", NEW."CreatedAt") / {{TicksPerMinute}},
                (NEW."Status" = {{Succeeded}})::int, (NEW."Status" = {{Failed}})::int, (NEW."Status" = {{Cancelled}})::int)
            ON CONFLICT ("WorkflowId", "Minute") DO UPDATE SET "Succeeded" = "RunRollups"."Succeeded" + excluded."Succeeded",
                "Failed" = "RunRollups"."Failed" + excluded."Failed", "Cancelled" = "RunRollups"."Cancelled" + excluded."Cancelled";
            RETURN NULL;
        END $body$;
        """,
        $$"""
        CREATE TRIGGER "Runs_Inserted" AFTER INSERT ON "Runs" FOR EACH ROW WHEN (NEW."Status" IN ({{Ended}}))
        EXECUTE FUNCTION "Runs_Inserted"();
        """,
        """
        CREATE FUNCTION "Runs_BeganRunning"() RETURNS trigger LANGUAGE plpgsql AS $body$
        BEGIN
            INSERT INTO "RunChanges" ("RunIds") VALUES (NEW."Id");
            RETURN NULL;
        END $body$;
        """,
        $$"""
        CREATE TRIGGER "Runs_BeganRunning" AFTER UPDATE OF "Status" ON "Runs" FOR EACH ROW
        WHEN (OLD."Status" = {{Pending}} AND NEW."Status" NOT IN ({{Pending}}, {{Ended}}))
        EXECUTE FUNCTION "Runs_BeganRunning"();
        """,
        $$"""
        CREATE FUNCTION "Runs_Deleted"() RETURNS trigger LANGUAGE plpgsql AS $body$
        BEGIN
            UPDATE "RunRollups" SET "Succeeded" = "Succeeded" - (OLD."Status" = {{Succeeded}})::int,
                "Failed" = "Failed" - (OLD."Status" = {{Failed}})::int, "Cancelled" = "Cancelled" - (OLD."Status" = {{Cancelled}})::int
            WHERE "WorkflowId" = OLD."WorkflowId" AND "Minute" = coalesce(OLD."FinishedAt", OLD."CreatedAt") / {{TicksPerMinute}};
            RETURN NULL;
        END $body$;
        """,
        $$"""
        CREATE TRIGGER "Runs_Deleted" AFTER DELETE ON "Runs" FOR EACH ROW WHEN (OLD."Status" IN ({{Ended}}))
        EXECUTE FUNCTION "Runs_Deleted"();
        """,
    ];

    public static readonly string[] Drop =
    [
        """DROP TRIGGER "Runs_Deleted" ON "Runs"; DROP FUNCTION "Runs_Deleted"();""",
        """DROP TRIGGER "Runs_BeganRunning" ON "Runs"; DROP FUNCTION "Runs_BeganRunning"();""",
        """DROP TRIGGER "Runs_Inserted" ON "Runs"; DROP FUNCTION "Runs_Inserted"();""",
        """DROP INDEX "IX_RunChanges_Tx"; ALTER TABLE "RunChanges" DROP COLUMN "Tx";""",
        $"""DROP SEQUENCE "{PostgreSqlRunStatements.StepIdSequence}";""",
    ];
}
