namespace FlowDesigner.Model.Descriptors;

/// <summary>One field of a credential type; secret fields are encrypted at rest and never shown again.</summary>
public sealed record CredentialFieldDescriptor(string Name, string Label)
{
    public bool Secret { get; init; }

    public bool Required { get; init; } = true;

    public PropertyEditor Editor { get; init; } = PropertyEditor.Text;

    public IReadOnlyList<PropertyOption> Options { get; init; } = [];

    public string? Default { get; init; }

    public string? Help { get; init; }

    public VisibleWhen? VisibleWhen { get; init; }

    /// <summary>What is wrong with a filled-in value, in words the form shows under the field; null when it is fine.</summary>
    public Func<string, string?>? Check { get; init; }
}
