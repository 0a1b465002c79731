using System.Text.Json;

namespace FlowDesigner.Model.Descriptors;

/// <summary>One setting of a node type, as the property panel shows it and the validator checks it.</summary>
public sealed record PropertyDescriptor(string Name, string Label, PropertyEditor Editor)
{
    /// <summary>Whether a value must be set while the property is visible. Default false.</summary>
    public bool Required { get; init; }

    /// <summary>The value a new node starts with and an unset property takes. Default none.</summary>
    public JsonElement? Default { get; init; }

    /// <summary>The choices of a <see cref="PropertyEditor.Select"/> property.</summary>
    public IReadOnlyList<PropertyOption> Options { get; init; } = [];

    /// <summary>One or two sentences under the field.</summary>
    public string? Help { get; init; }

    /// <summary>An example shown in the empty field.</summary>
    public string? Placeholder { get; init; }

    /// <summary>When set, the property is shown and checked only while that condition holds.</summary>
    public VisibleWhen? VisibleWhen { get; init; }

    /// <summary>Whether the property may hold <c>{{ expressions }}</c>. Default true.</summary>
    public bool AllowsExpressions { get; init; } = true;

    /// <summary>The least number a <see cref="PropertyEditor.Number"/> property takes. Null: any.</summary>
    public double? Minimum { get; init; }

    /// <summary>A list the designer offers while typing (see <see cref="SuggestionLists"/>); free text stays allowed. Null: none.</summary>
    public string? Suggestions { get; init; }

    public PropertyDescriptor WithDefault<T>(T value) => this with { Default = JsonSerializer.SerializeToElement(value) };

    public PropertyDescriptor WithOptions(params (string Value, string Label)[] options) =>
        this with { Options = options.Select(o => new PropertyOption(o.Value, o.Label)).ToList() };
}
