using System.Text.Json;

namespace FlowDesigner.Model.Execution;

/// <summary>What a step produced and which output port the run goes on from.</summary>
public sealed record NodeResult(JsonElement Output, string Port = "out")
{
    /// <summary>When set, the step holds its output until then (a delay) and then goes on with it.</summary>
    public DateTime? WaitUntil { get; init; }

    /// <summary>The step waits until the engine finishes it: the run it called has ended.</summary>
    public bool WaitsForRun { get; init; }

    public static NodeResult Of<T>(T output, string port = "out") => new(JsonSerializer.SerializeToElement(output), port);
}
