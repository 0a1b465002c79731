using Microsoft.AspNetCore.Components.Server.Circuits;

namespace FlowDesigner.Web.Hosting;

/// <summary>Asks for a <see cref="MemoryTrim"/> whenever a circuit (a browser tab's session) is let go for good.</summary>
public sealed class CircuitMemoryTrim(MemoryTrim trim) : CircuitHandler
{
    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        trim.Schedule();
        return Task.CompletedTask;
    }
}
