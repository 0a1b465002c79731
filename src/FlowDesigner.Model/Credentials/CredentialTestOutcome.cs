namespace FlowDesigner.Model.Credentials;

/// <summary>What a connection test of a credential found, in words that say what to fix when it failed.</summary>
public sealed record CredentialTestOutcome(bool Succeeded, string Message);
