namespace FlowDesigner.Model.Retention;

/// <summary>The rule every workflow follows, and the workflows that follow one of their own instead.</summary>
public sealed record RetentionSettings(RetentionRule Global, IReadOnlyDictionary<Guid, RetentionRule> Workflows)
{
    public RetentionRule For(Guid workflowId) => Workflows.GetValueOrDefault(workflowId) ?? Global;
}
