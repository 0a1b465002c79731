namespace FlowDesigner.Connectors.Outbound;

/// <summary>The <c>Outbound</c> settings: which guarded networks steps may still reach.</summary>
public sealed class OutboundOptions
{
    public const string Section = "Outbound";

    /// <summary>
    /// CIDRs (<c>10.20.0.0/16</c>, <c>127.0.0.0/8</c>, <c>::1/128</c>) of loopback and private networks that steps and
    /// connectors may call. Empty by default: only public addresses are reached.
    /// </summary>
    public string[] AllowedNetworks { get; set; } = [];
}
