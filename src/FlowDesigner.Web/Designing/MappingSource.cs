using System.Text.Json;

namespace FlowDesigner.Web.Designing;

/// <summary>One earlier step's output, offered as fields to map into the selected node's settings.</summary>
/// <param name="Root">The expression that reads the output: <c>trigger</c>, or <c>steps['Map order']</c>.</param>
/// <param name="Sample">The output's fields, or null when nothing is known of it yet.</param>
/// <param name="Origin">Where the sample comes from: the last test run, the pinned sample, or the node type's example.</param>
public sealed record MappingSource(string NodeId, string Title, string Icon, string Root, JsonElement? Sample, string Origin);
