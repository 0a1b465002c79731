namespace FlowDesigner.Engine.Workflows;

/// <summary>The run a Run now started, or why none was.</summary>
public sealed record ManualRunResult(Guid? RunId, string? Problem)
{
    public static ManualRunResult Refused(string problem) => new(null, problem);
}
