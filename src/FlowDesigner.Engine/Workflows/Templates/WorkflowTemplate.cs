namespace FlowDesigner.Engine.Workflows.Templates;

/// <summary>A ready-made set of workflows to start from: "New from template" creates each as a draft.</summary>
/// <param name="Key">A stable key, used in the address of the action that creates it.</param>
/// <param name="Workflows">Each workflow's definition as JSON, the one to open first first. Credentials are left for the user to pick.</param>
public sealed record WorkflowTemplate(string Key, string Name, string Description, string Icon, IReadOnlyList<string> Workflows);
