namespace FlowDesigner.Testing;

/// <summary>
/// The outbound setting the tests and the benchmark run with: their sinks and vendor fakes listen on loopback, which
/// the outbound guard refuses unless it is listed.
/// </summary>
public static class LoopbackNetworks
{
    /// <summary>As configuration keys.</summary>
    public static IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Outbound:AllowedNetworks:0"] = "127.0.0.0/8",
        ["Outbound:AllowedNetworks:1"] = "::1/128",
    };
}
