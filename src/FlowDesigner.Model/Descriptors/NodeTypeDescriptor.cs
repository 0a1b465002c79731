using System.Text.Json;
using FlowDesigner.Model.Definitions;

namespace FlowDesigner.Model.Descriptors;

/// <summary>
/// Everything known about a node type, declared once: the palette, the canvas ports, the property panel,
/// validation and the executor binding all read it.
/// </summary>
/// <param name="Key">The type key, <c>connector.operation</c> (<c>core.webhook</c>).</param>
/// <param name="Category">The palette group: <c>Triggers</c>, <c>Logic</c>, or the connector's name.</param>
public sealed record NodeTypeDescriptor(string Key, string DisplayName, NodeKind Kind, string Category)
{
    /// <summary>The icon's path under the web root, such as <c>icons/core-webhook.svg</c>.</summary>
    public string Icon { get; init; } = "icons/node.svg";

    public string Description { get; init; } = "";

    public IReadOnlyList<PropertyDescriptor> Properties { get; init; } = [];

    /// <summary>The fixed output ports. Default: one port, <c>out</c>.</summary>
    public IReadOnlyList<PortDescriptor> OutputPorts { get; init; } = [PortDescriptor.Out];

    /// <summary>
    /// When set, the keys of this key-value property are output ports too, ahead of the fixed ones
    /// (a switch's cases).
    /// </summary>
    public string? PortsFromProperty { get; init; }

    /// <summary>The credential type keys a node of this type may authenticate with; empty when it needs none.</summary>
    public IReadOnlyList<string> CredentialTypes { get; init; } = [];

    /// <summary>Whether a credential must be chosen (a vendor's node) or may be left out (an HTTP request to an open API).</summary>
    public bool CredentialRequired { get; init; }

    /// <summary>
    /// When set, the credential is asked for, and required, only while this holds (a webhook's secret, once it checks
    /// signatures); <see cref="CredentialRequired"/> is then not read.
    /// </summary>
    public VisibleWhen? CredentialWhen { get; init; }

    public RetryPolicy DefaultRetry { get; init; } = RetryPolicy.None;

    public int DefaultTimeoutSeconds { get; init; } = 30;

    /// <summary>
    /// What a node of this type typically outputs, as JSON: the property panel shows its fields to map into later
    /// steps before any test run has produced real output. Null when the output depends wholly on the settings.
    /// </summary>
    public string? ExampleOutputJson { get; init; }

    /// <summary>
    /// For a trigger: where its output keeps the event's own data (<c>body</c> for a webhook, whose output also holds
    /// the method, headers and query); null when the output is the data. Placeholders and help throughout the catalog
    /// are written relative to the data (<c>{{ trigger.order.increment_id }}</c>), and shown as the trigger reads them.
    /// </summary>
    public string? DataPath { get; init; }

    /// <summary>Turns a trigger's settings into the one line the workflow list shows (<c>POST /hooks/orders</c>).</summary>
    public Func<NodeDefinition, string>? Summarize { get; init; }

    public bool HasInput => Kind != NodeKind.Trigger;

    public PropertyDescriptor? FindProperty(string name) => Properties.FirstOrDefault(p => p.Name == name);

    /// <summary>The output ports of one node of this type, including those its configuration adds.</summary>
    public IReadOnlyList<PortDescriptor> PortsOf(NodeDefinition node)
    {
        if (PortsFromProperty is null || node.GetConfig(PortsFromProperty) is not { ValueKind: JsonValueKind.Object } cases)
        {
            return OutputPorts;
        }

        var dynamicPorts = cases.EnumerateObject()
            .Where(c => !string.IsNullOrWhiteSpace(c.Name))
            .Select(c => new PortDescriptor(c.Name, c.Name));
        return [.. dynamicPorts, .. OutputPorts];
    }

    /// <summary>A new node of this type, with every default filled in.</summary>
    public NodeDefinition CreateNode(string id, string name, Position position) => new(id, Key, name)
    {
        Position = position,
        Config = Properties
            .Where(p => p.Default is not null)
            .ToDictionary(p => p.Name, p => p.Default!.Value),
    };
}
