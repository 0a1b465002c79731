namespace FlowDesigner.Connectors.Auth;

/// <summary>A token obtained from an OAuth token endpoint.</summary>
/// <param name="ExpiresAt">When it runs out, if the endpoint said (<c>expires_in</c>); null for "until refused".</param>
/// <param name="InstanceUrl">Salesforce's <c>instance_url</c>: where the REST API of the org lives.</param>
public sealed record AccessToken(string Value, DateTimeOffset? ExpiresAt, string? RefreshToken = null, string? InstanceUrl = null);
