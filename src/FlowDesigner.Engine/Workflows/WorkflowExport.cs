namespace FlowDesigner.Engine.Workflows;

/// <summary>A workflow's definition as a file to download.</summary>
public sealed record WorkflowExport(string FileName, string Json);
