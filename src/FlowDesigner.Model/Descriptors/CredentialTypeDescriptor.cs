namespace FlowDesigner.Model.Descriptors;

/// <summary>A kind of credential (Salesforce OAuth, HTTP basic, ...): its fields and how the admin form shows them.</summary>
public sealed record CredentialTypeDescriptor(string Key, string DisplayName)
{
    public string Icon { get; init; } = "icons/credential.svg";

    public string Description { get; init; } = "";

    public IReadOnlyList<CredentialFieldDescriptor> Fields { get; init; } = [];

    public IEnumerable<CredentialFieldDescriptor> SecretFields => Fields.Where(f => f.Secret);
}
