using FlowDesigner.Model.Runs;

namespace FlowDesigner.Persistence.Sql;

/// <summary>The statuses the run writers' statements name, in SQL text from the enums (see <see cref="SqlText"/>), shared by both databases' writers.</summary>
internal static class StatusSql
{
    public static readonly string Pending = SqlText.Of(RunStatus.Pending);
    public static readonly string Running = SqlText.Of(RunStatus.Running);

    /// <summary>A run an advance may write: not begun, or running.</summary>
    public static readonly string Open = SqlText.Of(RunStatus.Pending, RunStatus.Running);
    public static readonly string Succeeded = SqlText.Of(RunStatus.Succeeded);
    public static readonly string Failed = SqlText.Of(RunStatus.Failed);
    public static readonly string Cancelled = SqlText.Of(RunStatus.Cancelled);
    public static readonly string StepRunning = SqlText.Of(StepStatus.Running);
    public static readonly string StepSucceeded = SqlText.Of(StepStatus.Succeeded);
    public static readonly string StepCancelled = SqlText.Of(StepStatus.Cancelled);
    public static readonly string StepUnfinished = SqlText.Of(StepStatus.Pending, StepStatus.Running, StepStatus.Waiting);
}
