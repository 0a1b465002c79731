using System.Text.Json;
using FlowDesigner.Model.Definitions;
using FlowDesigner.Model.Descriptors;

namespace FlowDesigner.Model.Validation;

/// <summary>How a node's configured values are read against its descriptor: effective value, visibility, presence.</summary>
public static class PropertyValues
{
    /// <summary>The configured value, else the descriptor's default, else none.</summary>
    public static JsonElement? Effective(NodeDefinition node, PropertyDescriptor property) =>
        node.GetConfig(property.Name) is { ValueKind: not JsonValueKind.Null and not JsonValueKind.Undefined } value
            ? value
            : property.Default;

    /// <summary>Whether the property is shown (and so checked) given the node's other values.</summary>
    public static bool IsVisible(NodeTypeDescriptor type, NodeDefinition node, PropertyDescriptor property) =>
        IsVisible(type, node, property, depth: 0);

    /// <summary>Whether the node's settings meet the rule: its controlling property is shown and holds one of the values.</summary>
    public static bool Holds(NodeTypeDescriptor type, NodeDefinition node, VisibleWhen rule) => Holds(type, node, rule, depth: 0);

    /// <summary>Whether a node of this type asks for a credential, and must have one, given its settings.</summary>
    public static bool NeedsCredential(NodeTypeDescriptor type, NodeDefinition node) =>
        type.CredentialWhen is { } rule ? Holds(type, node, rule) : type.CredentialRequired;

    /// <summary>Whether the credential picker is shown for the node.</summary>
    public static bool AsksForCredential(NodeTypeDescriptor type, NodeDefinition node) =>
        type.CredentialTypes.Count > 0 && (type.CredentialWhen is not { } rule || Holds(type, node, rule));

    private static bool IsVisible(NodeTypeDescriptor type, NodeDefinition node, PropertyDescriptor property, int depth) =>
        property.VisibleWhen is not { } rule || Holds(type, node, rule, depth);

    private static bool Holds(NodeTypeDescriptor type, NodeDefinition node, VisibleWhen rule, int depth)
    {
        // Rules depend on a controlling property that may itself be hidden; a chain longer than this is a loop.
        var controller = type.FindProperty(rule.Property);
        return depth < 8
            && controller is not null
            && IsVisible(type, node, controller, depth + 1)
            && rule.Values.Contains(AsText(Effective(node, controller)));
    }

    /// <summary>Whether a value counts as filled in: not null, not blank text, not an empty list or object.</summary>
    public static bool IsSet(JsonElement? value) => value switch
    {
        null => false,
        { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } => false,
        { ValueKind: JsonValueKind.String } v => !string.IsNullOrWhiteSpace(v.GetString()),
        { ValueKind: JsonValueKind.Array } v => v.GetArrayLength() > 0,
        { ValueKind: JsonValueKind.Object } v => v.EnumerateObject().Any(),
        _ => true,
    };

    /// <summary>A value as the text a visible-when rule or a select option compares with.</summary>
    public static string AsText(JsonElement? value) => value switch
    {
        null => "",
        { ValueKind: JsonValueKind.String } v => v.GetString() ?? "",
        { ValueKind: JsonValueKind.True } => "true",
        { ValueKind: JsonValueKind.False } => "false",
        { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } => "",
        { } v => v.GetRawText(),
    };
}
