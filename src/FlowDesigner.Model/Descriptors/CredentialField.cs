namespace FlowDesigner.Model.Descriptors;

/// <summary>Short-hands for the fields of a credential type's descriptor.</summary>
public static class CredentialField
{
    public static CredentialFieldDescriptor Text(string name, string label) => new(name, label);

    /// <summary>A field that is encrypted, never shown again once saved, and redacted wherever it would appear.</summary>
    public static CredentialFieldDescriptor Secret(string name, string label) => new(name, label) { Secret = true };

    public static CredentialFieldDescriptor Select(string name, string label, params (string Value, string Label)[] options) =>
        new(name, label)
        {
            Editor = PropertyEditor.Select,
            Options = [.. options.Select(o => new PropertyOption(o.Value, o.Label))],
            Default = options[0].Value,
        };
}
