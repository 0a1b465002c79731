using System.Text.Json;

namespace FlowDesigner.Model.Execution;

/// <summary>What a step produced and which output port the run goes on from.</summary>
public sealed record NodeResult(JsonElement Output, string Port = "out")
{
    /// <summary>
    /// When set, the step waits until then (a delay) and then goes on with <see cref="Output"/>;
    /// <see cref="DateTime.MaxValue"/> waits for the engine to finish the step (a called sub-flow ending).
    /// </summary>
    public DateTime? WaitUntil { get; init; }

    public static NodeResult Of<T>(T output, string port = "out") => new(JsonSerializer.SerializeToElement(output), port);
}
