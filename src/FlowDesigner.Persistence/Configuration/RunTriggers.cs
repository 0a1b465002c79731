using FlowDesigner.Model.Runs;
using FlowDesigner.Persistence.Sql;

namespace FlowDesigner.Persistence.Configuration;

/// <summary>
/// The triggers on the runs that keep the rollups and the feed of changes, whoever writes a run. They fire only where
/// a run's status changes: a run of a few steps, started pending and ended in one advance, costs one counting and one
/// feed row; an advance that leaves the status as it was costs nothing.
/// </summary>
internal static class RunTriggers
{
    private static readonly string Ended = SqlText.Of(RunStatus.Succeeded, RunStatus.Failed, RunStatus.Cancelled);

    public static readonly string[] Create =
    [
        // A run is written pending; one written already ended (a copy, a test) is counted at once.
        $$"""
        CREATE TRIGGER "Runs_Inserted" AFTER INSERT ON "Runs" WHEN new."Status" IN ({{Ended}}) BEGIN
            {{RunRollupConfiguration.CountEnd("1")}}
        END;
        """,
        $$"""
        CREATE TRIGGER "Runs_StatusChanged" AFTER UPDATE OF "Status" ON "Runs" WHEN new."Status" <> old."Status" BEGIN
            {{RunRollupConfiguration.CountEnd($"new.\"Status\" IN ({Ended}) AND old.\"Status\" NOT IN ({Ended})")}}
            {{RunChangeConfiguration.Append}}
        END;
        """,
        // A workflow's deletion takes its rollups too (WorkflowStore); a run's alone, by retention, takes its count back.
        $$"""
        CREATE TRIGGER "Runs_Deleted" AFTER DELETE ON "Runs" WHEN old."Status" IN ({{Ended}}) BEGIN
            {{RunRollupConfiguration.UncountEnd}}
        END;
        """,
    ];

    public static readonly string[] Drop = ["Runs_Inserted", "Runs_StatusChanged", "Runs_Deleted"];
}
