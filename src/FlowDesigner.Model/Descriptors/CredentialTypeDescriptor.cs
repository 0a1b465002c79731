namespace FlowDesigner.Model.Descriptors;

/// <summary>A kind of credential (Salesforce OAuth, HTTP basic, ...): its fields and how the admin form shows them.</summary>
public sealed record CredentialTypeDescriptor(string Key, string DisplayName)
{
    public string Icon { get; init; } = "icons/credential.svg";

    public string Description { get; init; } = "";

    public IReadOnlyList<CredentialFieldDescriptor> Fields { get; init; } = [];

    public IEnumerable<CredentialFieldDescriptor> SecretFields => Fields.Where(f => f.Secret);

    public CredentialFieldDescriptor? FindField(string name) => Fields.FirstOrDefault(f => f.Name == name);

    /// <summary>Whether the field shows (and counts) given the other fields' values, such as a grant type.</summary>
    public bool IsVisible(CredentialFieldDescriptor field, IReadOnlyDictionary<string, string> values) =>
        field.VisibleWhen is not { } rule
        || rule.Values.Contains(values.GetValueOrDefault(rule.Property) ?? FindField(rule.Property)?.Default ?? "");
}
