namespace FlowDesigner.Engine.Workflows;

/// <summary>The run a retry or a replay started, or why none was: the run is unknown, or cannot be mended so.</summary>
public sealed record MendResult(Guid? RunId, MendRefusal? Refusal, string? Problem)
{
    public static MendResult Started(Guid runId) => new(runId, null, null);

    public static MendResult Refused(MendRefusal refusal, string problem) => new(null, refusal, problem);
}
