using FlowDesigner.Model.Definitions;

namespace FlowDesigner.Model.Layout;

/// <summary>A node added where <see cref="NodePlacement"/> put it: the workflow with it, the node, its card's box, and the link made to it.</summary>
public sealed record PlacedNode(WorkflowDefinition Definition, NodeDefinition Added, Box Box, EdgeDefinition? Link);
