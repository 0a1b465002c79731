using FlowDesigner.Engine.Expressions;
using FlowDesigner.Model.Execution;
using FlowDesigner.Model.Runs;

namespace FlowDesigner.Engine.Nodes;

/// <summary>A core node's step: the common context plus what the engine knows of the run.</summary>
public sealed record CoreNodeContext(NodeExecutionContext Step, ExpressionScope Scope, RunRecord Run, long StepId);
