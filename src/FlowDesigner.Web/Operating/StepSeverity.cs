using FlowDesigner.Model.Runs;

namespace FlowDesigner.Web.Operating;

/// <summary>
/// Which status a group of steps shows (a loop's items on the timeline, a loop member on the graph): a failure first,
/// then work not done, then success.
/// </summary>
public static class StepSeverity
{
    public static int Rank(StepStatus status) => status switch
    {
        StepStatus.Failed => 0,
        StepStatus.Running => 1,
        StepStatus.Waiting => 2,
        StepStatus.Pending => 3,
        StepStatus.Cancelled => 4,
        StepStatus.Succeeded => 5,
        _ => 6,
    };

    public static StepStatus Worst(IEnumerable<StepStatus> statuses) => statuses.MinBy(Rank);
}
