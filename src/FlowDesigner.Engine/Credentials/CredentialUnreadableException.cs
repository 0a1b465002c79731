namespace FlowDesigner.Engine.Credentials;

/// <summary>A stored credential's fields cannot be decrypted: the keys that encrypted them are not available here.</summary>
public sealed class CredentialUnreadableException(string credentialName, Exception innerException)
    : Exception(
        $"The credential '{credentialName}' cannot be decrypted: the Data Protection keys it was encrypted with are not available "
        + "(the keys folder was lost or replaced, or this node does not share the keys). Open it on the Credentials page and enter its secrets again.",
        innerException);
