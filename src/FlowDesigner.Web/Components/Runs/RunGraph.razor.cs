using System.Globalization;
using FlowDesigner.Engine.Workflows;
using FlowDesigner.Model.Definitions;
using FlowDesigner.Model.Layout;
using FlowDesigner.Model.Runs;
using FlowDesigner.Web.Operating;
using Microsoft.AspNetCore.Components;

namespace FlowDesigner.Web.Components.Runs;

/// <summary>
/// Draws the version a run ran as it was designed, each node coloured by its step: the latest attempt outside loops,
/// and for a node inside a loop the item that went worst. Clicking a node selects its step.
/// </summary>
public partial class RunGraph
{
    private const double CardWidth = CardSize.Width;
    private const double CardHeight = CardSize.HeadHeight;
    private const double Margin = 40;

    private Dictionary<string, NodeDefinition> _nodes = [];
    private Dictionary<string, StepDetail> _latest = [];

    /// <summary>The version's definition. Required.</summary>
    [Parameter, EditorRequired]
    public WorkflowDefinition Definition { get; set; } = default!;

    /// <summary>The run's steps. Required.</summary>
    [Parameter, EditorRequired]
    public IReadOnlyList<StepDetail> Steps { get; set; } = [];

    /// <summary>The selected step, outlined. Default none.</summary>
    [Parameter]
    public long? SelectedStepId { get; set; }

    [Parameter]
    public EventCallback<long> StepSelected { get; set; }

    private string ViewBox
    {
        get
        {
            if (Definition.Nodes.Count == 0)
            {
                return "0 0 400 100";
            }

            var left = Definition.Nodes.Min(n => n.Position.X) - Margin;
            var top = Definition.Nodes.Min(n => n.Position.Y) - Margin;
            var right = Definition.Nodes.Max(n => n.Position.X) + CardWidth + Margin;
            var bottom = Definition.Nodes.Max(n => n.Position.Y) + CardHeight + Margin;
            return $"{N(left)} {N(top)} {N(right - left)} {N(bottom - top)}";
        }
    }

    protected override void OnParametersSet()
    {
        _nodes = Definition.Nodes.GroupBy(n => n.Id).ToDictionary(g => g.Key, g => g.First());
        _latest = Steps.GroupBy(s => s.NodeId).ToDictionary(g => g.Key, g => g
            .GroupBy(s => s.Scope).Select(scope => scope.MaxBy(s => s.Attempt)!)
            .OrderBy(s => StepSeverity.Rank(s.Status)).ThenByDescending(s => s.Id).First());
    }

    private async Task SelectAsync(StepDetail? step)
    {
        if (step is not null)
        {
            await StepSelected.InvokeAsync(step.Id);
        }
    }

    private static string Clip(string name) => name.Length <= 22 ? name : name[..21] + "…";

    private static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
