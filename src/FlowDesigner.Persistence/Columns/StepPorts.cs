using FlowDesigner.Model.Descriptors;
using FlowDesigner.Model.Runs;

namespace FlowDesigner.Persistence.Columns;

/// <summary>
/// The port a step attempt left by, as stored: nothing for a succeeded attempt that left by <c>out</c>, which most
/// do (a succeeded attempt always leaves by a port); any other port by its name.
/// </summary>
internal static class StepPorts
{
    public static string? Stored(StepStatus status, string? port) => status == StepStatus.Succeeded && port == Out ? null : port;

    public static string? Read(StepStatus status, string? stored) => stored ?? (status == StepStatus.Succeeded ? Out : null);

    private static readonly string Out = PortDescriptor.Out.Name;
}
