namespace FlowDesigner.Engine.Credentials;

/// <summary>The saved credential, or what is wrong with the form: by field name, with <c>""</c> for the form as a whole.</summary>
public sealed record CredentialSaveResult(CredentialSummary? Saved, IReadOnlyDictionary<string, string> Problems)
{
    public bool Succeeded => Saved is not null;

    public static CredentialSaveResult Refused(string field, string message) => new(null, new Dictionary<string, string> { [field] = message });
}
