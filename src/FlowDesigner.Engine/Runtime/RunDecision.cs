using System.Text.Json;
using FlowDesigner.Model.Runs;

namespace FlowDesigner.Engine.Runtime;

/// <summary>What the planner decided for a run.</summary>
public sealed class RunDecision
{
    public List<NewStep> NewSteps { get; } = [];

    public List<FinishedLoop> FinishedLoops { get; } = [];

    public bool RunEnded { get; set; }

    public JsonElement Output { get; set; }
}
