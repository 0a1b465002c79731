namespace FlowDesigner.Connectors.Shared;

/// <summary>The HTTP client every vendor connector sends with. It logs nothing: URLs and headers may carry secrets.</summary>
public static class ConnectorHttp
{
    public const string ClientName = "connectors";
}
