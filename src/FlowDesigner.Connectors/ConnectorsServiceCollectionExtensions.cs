using FlowDesigner.Connectors.Auth;
using FlowDesigner.Connectors.Email;
using FlowDesigner.Connectors.Http;
using FlowDesigner.Connectors.Magento;
using FlowDesigner.Connectors.NetSuite;
using FlowDesigner.Connectors.Outbound;
using FlowDesigner.Connectors.Salesforce;
using FlowDesigner.Connectors.ServiceNow;
using FlowDesigner.Connectors.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace FlowDesigner.Connectors;

public static class ConnectorsServiceCollectionExtensions
{
    /// <summary>
    /// The vendor clients, the token cache and the HTTP clients they send with. The engine registers the node types,
    /// executors, credential testers and pollers it finds in <see cref="BuiltInNodes.Assembly"/>.
    /// </summary>
    public static IServiceCollection AddFlowDesignerConnectors(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<TokenCache>();
        services.AddSingleton<HttpAuthenticator>();
        services.AddSingleton<SalesforceClient>();
        services.AddSingleton<ServiceNowClient>();
        services.AddSingleton<NetSuiteClient>();
        services.AddSingleton<MagentoClient>();
        services.AddSingleton<SmtpSender>();

        // Each call is recorded in its step's row; client logs would only repeat it, and URLs or headers can carry secrets.
        // Every connection passes the outbound guard; redirects are not followed blindly (a credential must not follow one).
        services.AddHttpClient(HttpRequestExecutor.ClientName).RemoveAllLoggers().ConfigurePrimaryHttpMessageHandler(GuardedHandler);
        services.AddHttpClient(ConnectorHttp.ClientName).RemoveAllLoggers().ConfigurePrimaryHttpMessageHandler(GuardedHandler);
        services.AddOptions<OutboundOptions>().BindConfiguration(OutboundOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<OutboundOptions>, AllowedNetworks>();
        services.AddSingleton<OwnEndpoints>();
        services.AddSingleton<OutboundGuard>();
        return services;
    }

    private static SocketsHttpHandler GuardedHandler(IServiceProvider services) => new()
    {
        ConnectCallback = services.GetRequiredService<OutboundGuard>().ConnectAsync,
        AllowAutoRedirect = false,
    };
}
