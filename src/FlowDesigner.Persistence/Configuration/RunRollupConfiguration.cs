using FlowDesigner.Model.Runs;
using FlowDesigner.Persistence.Entities;
using FlowDesigner.Persistence.Sql;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FlowDesigner.Persistence.Configuration;

/// <summary>
/// The run rollups and the triggers on the runs that keep them: a run's insert counts it started in its creation's
/// minute, its move to an end status counts that end in its finish's minute, and its delete takes both back. Every
/// writer of runs (the batch writer, EF, a retention prune) is counted alike, in its own transaction.
/// </summary>
internal sealed class RunRollupConfiguration : IEntityTypeConfiguration<RunRollupEntity>
{
    private static readonly string Ended = SqlText.Of(RunStatus.Succeeded, RunStatus.Failed, RunStatus.Cancelled);
    private static readonly string Succeeded = SqlText.Of(RunStatus.Succeeded);
    private static readonly string Failed = SqlText.Of(RunStatus.Failed);
    private static readonly string Cancelled = SqlText.Of(RunStatus.Cancelled);

    private const long TicksPerMinute = TimeSpan.TicksPerMinute;

    /// <summary>Counts the end of the run <c>new</c>, when it has ended, in its finish's minute.</summary>
    private static readonly string CountEnd = $$"""
        INSERT INTO "RunRollups" ("WorkflowId", "Minute", "Succeeded", "Failed", "Cancelled")
            SELECT new."WorkflowId", coalesce(new."FinishedAt", new."CreatedAt") / {{TicksPerMinute}},
                new."Status" = {{Succeeded}}, new."Status" = {{Failed}}, new."Status" = {{Cancelled}}
            WHERE new."Status" IN ({{Ended}})
            ON CONFLICT DO UPDATE SET "Succeeded" = "Succeeded" + excluded."Succeeded", "Failed" = "Failed" + excluded."Failed",
                "Cancelled" = "Cancelled" + excluded."Cancelled";
        """;

    /// <summary>The table, without a rowid: its key is the whole of its look-ups.</summary>
    public static readonly string CreateTable = """
        CREATE TABLE "RunRollups" (
            "WorkflowId" BLOB NOT NULL,
            "Minute" INTEGER NOT NULL,
            "Started" INTEGER NOT NULL DEFAULT 0,
            "Succeeded" INTEGER NOT NULL DEFAULT 0,
            "Failed" INTEGER NOT NULL DEFAULT 0,
            "Cancelled" INTEGER NOT NULL DEFAULT 0,
            CONSTRAINT "PK_RunRollups" PRIMARY KEY ("WorkflowId", "Minute")
        ) WITHOUT ROWID;
        """;

    public static readonly string[] CreateTriggers =
    [
        // A run is written pending; one written already ended (a copy, a test) has its end counted at once.
        $$"""
        CREATE TRIGGER "Runs_Rollup_Started" AFTER INSERT ON "Runs" BEGIN
            INSERT INTO "RunRollups" ("WorkflowId", "Minute", "Started") VALUES (new."WorkflowId", new."CreatedAt" / {{TicksPerMinute}}, 1)
            ON CONFLICT DO UPDATE SET "Started" = "Started" + 1;
            {{CountEnd}}
        END;
        """,
        $$"""
        CREATE TRIGGER "Runs_Rollup_Ended" AFTER UPDATE OF "Status" ON "Runs"
        WHEN new."Status" IN ({{Ended}}) AND old."Status" NOT IN ({{Ended}}) BEGIN
            {{CountEnd}}
        END;
        """,
        // A workflow's deletion takes its rollups too (WorkflowStore); a run's alone, by retention, takes its counts back.
        $$"""
        CREATE TRIGGER "Runs_Rollup_Deleted" AFTER DELETE ON "Runs" BEGIN
            UPDATE "RunRollups" SET "Started" = "Started" - 1
            WHERE "WorkflowId" = old."WorkflowId" AND "Minute" = old."CreatedAt" / {{TicksPerMinute}};
            UPDATE "RunRollups" SET "Succeeded" = "Succeeded" - (old."Status" = {{Succeeded}}), "Failed" = "Failed" - (old."Status" = {{Failed}}),
                "Cancelled" = "Cancelled" - (old."Status" = {{Cancelled}})
            WHERE old."Status" IN ({{Ended}}) AND "WorkflowId" = old."WorkflowId" AND "Minute" = coalesce(old."FinishedAt", old."CreatedAt") / {{TicksPerMinute}};
        END;
        """,
    ];

    /// <summary>The counts of the runs stored before the triggers existed.</summary>
    public static readonly string Backfill = $$"""
        INSERT INTO "RunRollups" ("WorkflowId", "Minute", "Started", "Succeeded", "Failed", "Cancelled")
        SELECT "WorkflowId", "Minute", sum("Started"), sum("Succeeded"), sum("Failed"), sum("Cancelled") FROM (
            SELECT "WorkflowId", "CreatedAt" / {{TicksPerMinute}} AS "Minute", 1 AS "Started", 0 AS "Succeeded", 0 AS "Failed", 0 AS "Cancelled" FROM "Runs"
            UNION ALL
            SELECT "WorkflowId", coalesce("FinishedAt", "CreatedAt") / {{TicksPerMinute}}, 0, "Status" = {{Succeeded}}, "Status" = {{Failed}}, "Status" = {{Cancelled}}
            FROM "Runs" WHERE "Status" IN ({{Ended}}))
        GROUP BY "WorkflowId", "Minute";
        """;

    public void Configure(EntityTypeBuilder<RunRollupEntity> builder)
    {
        builder.ToTable("RunRollups");
        builder.HasKey(r => new { r.WorkflowId, r.Minute });
    }
}
