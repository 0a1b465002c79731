using FlowDesigner.Model.Runs;
using FlowDesigner.Model.Stores;
using MudBlazor;

namespace FlowDesigner.Web.Formatting;

/// <summary>
/// The product's fixed status colours: running blue, succeeded green, failed red, waiting amber, cancelled dark grey.
/// </summary>
public static class StatusColors
{
    public static Color Of(RunStatus status) => status switch
    {
        RunStatus.Running => Color.Info,
        RunStatus.Succeeded => Color.Success,
        RunStatus.Failed => Color.Error,
        RunStatus.Pending or RunStatus.Waiting => Color.Warning,
        _ => Color.Dark,
    };

    public static Color Of(WorkflowState state) => state switch
    {
        WorkflowState.Published => Color.Success,
        WorkflowState.Changed => Color.Warning,
        WorkflowState.Inactive => Color.Dark,
        _ => Color.Default,
    };
}
