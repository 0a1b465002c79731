using FlowDesigner.Model.Runs;
using FlowDesigner.Persistence.Sql;

namespace FlowDesigner.Persistence.Configuration;

/// <summary>
/// The triggers on the runs for what the run store's writes do not count themselves: a run that begins running (it
/// joins the feed), one written already ended (a copy, a test: it is counted), and one deleted (its count is taken
/// back). The hot path's starts and ends are counted by the run writer once a batch (<see cref="RunTally"/>): a
/// trigger statement for each run cost about 3% of the CPU a run takes.
/// </summary>
internal static class RunTriggers
{
    private static readonly string Pending = SqlText.Of(RunStatus.Pending);
    private static readonly string Ended = SqlText.Of(RunStatus.Succeeded, RunStatus.Failed, RunStatus.Cancelled);

    public static readonly string[] Create =
    [
        $$"""
        CREATE TRIGGER "Runs_Inserted" AFTER INSERT ON "Runs" WHEN new."Status" IN ({{Ended}}) BEGIN
            {{RunRollupConfiguration.CountEnd}}
        END;
        """,
        // A run ended in its first advance goes from pending to its end at once: then this does not fire.
        $$"""
        CREATE TRIGGER "Runs_BeganRunning" AFTER UPDATE OF "Status" ON "Runs"
        WHEN old."Status" = {{Pending}} AND new."Status" NOT IN ({{Pending}}, {{Ended}}) BEGIN
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

    public static readonly string[] Drop = ["Runs_Inserted", "Runs_BeganRunning", "Runs_Deleted"];
}
