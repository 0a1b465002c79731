using FlowDesigner.Connectors.Outbound;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace FlowDesigner.Web.Hosting;

/// <summary>Tells the outbound guard where this product listens once the server has bound its addresses.</summary>
public sealed class ListeningEndpoints(IServer server, IHostApplicationLifetime lifetime, OwnEndpoints own) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() => own.Use(server.Features.Get<IServerAddressesFeature>()?.Addresses ?? []));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
