namespace FlowDesigner.Engine.Workflows.Templates;

/// <summary>The templates "New from template" offers.</summary>
public static class WorkflowTemplates
{
    public static IReadOnlyList<WorkflowTemplate> All { get; } = [ReferenceScenarioTemplate.Template];

    public static WorkflowTemplate? Find(string key) => All.FirstOrDefault(t => t.Key == key);
}
