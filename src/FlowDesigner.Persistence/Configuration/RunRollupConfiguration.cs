using FlowDesigner.Model.Runs;
using FlowDesigner.Persistence.Entities;
using FlowDesigner.Persistence.Sql;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FlowDesigner.Persistence.Configuration;

/// <summary>
/// The run rollups: how many of a workflow's runs ended each way in a minute, counted in the transaction that ends
/// them: by the run writer once a batch (<see cref="Sql.RunTally"/>), by the store's other ends as they write, and by
/// the triggers on the runs for what else writes them (<see cref="RunTriggers"/>).
/// </summary>
internal sealed class RunRollupConfiguration : IEntityTypeConfiguration<RunRollupEntity>
{
    private static readonly string Ended = SqlText.Of(RunStatus.Succeeded, RunStatus.Failed, RunStatus.Cancelled);
    private static readonly string Succeeded = SqlText.Of(RunStatus.Succeeded);
    private static readonly string Failed = SqlText.Of(RunStatus.Failed);
    private static readonly string Cancelled = SqlText.Of(RunStatus.Cancelled);

    private const long TicksPerMinute = TimeSpan.TicksPerMinute;

    /// <summary>The table, without a rowid: its key is the whole of its look-ups.</summary>
    public static readonly string CreateTable = """
        CREATE TABLE "RunRollups" (
            "WorkflowId" BLOB NOT NULL,
            "Minute" INTEGER NOT NULL,
            "Succeeded" INTEGER NOT NULL DEFAULT 0,
            "Failed" INTEGER NOT NULL DEFAULT 0,
            "Cancelled" INTEGER NOT NULL DEFAULT 0,
            CONSTRAINT "PK_RunRollups" PRIMARY KEY ("WorkflowId", "Minute")
        ) WITHOUT ROWID;
        """;

    /// <summary>The counts of the runs stored before the triggers existed.</summary>
    public static readonly string Backfill = $$"""
        INSERT INTO "RunRollups" ("WorkflowId", "Minute", "Succeeded", "Failed", "Cancelled")
        SELECT "WorkflowId", coalesce("FinishedAt", "CreatedAt") / {{TicksPerMinute}}, sum("Status" = {{Succeeded}}), sum("Status" = {{Failed}}), sum("Status" = {{Cancelled}})
        FROM "Runs" WHERE "Status" IN ({{Ended}})
        GROUP BY 1, 2;
        """;

    /// <summary>
    /// Adds ends to a workflow's minute: <c>@workflow</c>, <c>@minute</c>, <c>@succeeded</c>, <c>@failed</c>, <c>@cancelled</c>.
    /// The same text on SQLite and PostgreSQL (which wants the conflict's columns named, and the table's own qualified).
    /// </summary>
    public const string CountEnds = """
        INSERT INTO "RunRollups" ("WorkflowId", "Minute", "Succeeded", "Failed", "Cancelled") VALUES (@workflow, @minute, @succeeded, @failed, @cancelled)
        ON CONFLICT ("WorkflowId", "Minute") DO UPDATE SET "Succeeded" = "RunRollups"."Succeeded" + excluded."Succeeded",
            "Failed" = "RunRollups"."Failed" + excluded."Failed", "Cancelled" = "RunRollups"."Cancelled" + excluded."Cancelled";
        """;

    /// <summary>In a trigger: counts the end of the run <c>new</c>, which has ended, in its finish's minute.</summary>
    public static readonly string CountEnd = $$"""
        INSERT INTO "RunRollups" ("WorkflowId", "Minute", "Succeeded", "Failed", "Cancelled")
            VALUES (new."WorkflowId", coalesce(new."FinishedAt", new."CreatedAt") / {{TicksPerMinute}},
                new."Status" = {{Succeeded}}, new."Status" = {{Failed}}, new."Status" = {{Cancelled}})
            ON CONFLICT DO UPDATE SET "Succeeded" = "Succeeded" + excluded."Succeeded", "Failed" = "Failed" + excluded."Failed",
                "Cancelled" = "Cancelled" + excluded."Cancelled";
        """;

    /// <summary>In a trigger: takes back the end of the run <c>old</c>, which had ended.</summary>
    public static readonly string UncountEnd = $$"""
        UPDATE "RunRollups" SET "Succeeded" = "Succeeded" - (old."Status" = {{Succeeded}}), "Failed" = "Failed" - (old."Status" = {{Failed}}),
            "Cancelled" = "Cancelled" - (old."Status" = {{Cancelled}})
        WHERE "WorkflowId" = old."WorkflowId" AND "Minute" = coalesce(old."FinishedAt", old."CreatedAt") / {{TicksPerMinute}};
        """;

    public void Configure(EntityTypeBuilder<RunRollupEntity> builder)
    {
        builder.ToTable("RunRollups");
        builder.HasKey(r => new { r.WorkflowId, r.Minute });
    }
}
