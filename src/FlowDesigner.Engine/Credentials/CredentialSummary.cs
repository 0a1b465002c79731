using FlowDesigner.Model.Credentials;

namespace FlowDesigner.Engine.Credentials;

/// <summary>One row of the credentials list; never holds a field's value.</summary>
/// <param name="Readable">False when its fields cannot be decrypted with the keys at hand.</param>
public sealed record CredentialSummary(
    Guid Id, string Name, string Type, string TypeName, string Icon, DateTime UpdatedAt, string UpdatedBy,
    CredentialTestOutcome? LastTest, DateTime? LastTestedAt, bool Readable)
{
    /// <summary>
    /// The labels of required fields it has no value for, such as the allowed hosts a credential saved before that
    /// field existed lacks; steps using it fail until an Admin fills them in.
    /// </summary>
    public IReadOnlyList<string> Missing { get; init; } = [];
}
