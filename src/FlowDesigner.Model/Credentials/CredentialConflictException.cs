namespace FlowDesigner.Model.Credentials;

/// <summary>A credential could not be saved as asked: its name is taken, or someone changed it meanwhile.</summary>
public sealed class CredentialConflictException(string message) : Exception(message);
