using FlowDesigner.Model.Definitions;
using FlowDesigner.Model.Descriptors;

namespace FlowDesigner.Connectors.Shared;

/// <summary>The shape every vendor action shares: its connector's group and icon, a required credential, an error port, retries.</summary>
public static class ConnectorNode
{
    public static NodeTypeDescriptor Action(string key, string displayName, string connector, string credentialType, string description) =>
        new(key, displayName, NodeKind.Action, connector)
        {
            Icon = $"icons/{connector.ToLowerInvariant()}.svg",
            Description = description,
            CredentialTypes = [credentialType],
            CredentialRequired = true,
            OutputPorts = [PortDescriptor.Out, PortDescriptor.Error],
            DefaultRetry = RetryPolicy.Exponential(3, 2),
            DefaultTimeoutSeconds = 60,
        };
}
