using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace FlowDesigner.Connectors.Outbound;

/// <summary>
/// Checks every connection a step or connector opens, at connect time and after DNS resolution, so that neither a
/// host name nor a redirect reaches what it should not. Link-local and metadata addresses and the product's own
/// listening endpoints are always refused; loopback and private networks only where
/// <see cref="OutboundOptions.AllowedNetworks"/> lists them.
/// </summary>
public sealed class OutboundGuard(IOptions<OutboundOptions> options, OwnEndpoints own)
{
    private const string Setting = "Outbound:AllowedNetworks";

    private static readonly IPNetwork[] AlwaysBlocked = [IPNetwork.Parse("169.254.0.0/16"), IPNetwork.Parse("fe80::/10")];

    /// <summary>Loopback, private, shared and unspecified ranges (RFC 1918, 6598, 4193): reachable only when allowed.</summary>
    private static readonly IPNetwork[] Guarded =
    [
        IPNetwork.Parse("127.0.0.0/8"), IPNetwork.Parse("::1/128"), IPNetwork.Parse("0.0.0.0/8"), IPNetwork.Parse("::/128"),
        IPNetwork.Parse("10.0.0.0/8"), IPNetwork.Parse("172.16.0.0/12"), IPNetwork.Parse("192.168.0.0/16"),
        IPNetwork.Parse("100.64.0.0/10"), IPNetwork.Parse("fc00::/7"),
    ];

    private readonly IPNetwork[] _allowed = AllowedNetworks.Parse(options.Value.AllowedNetworks);

    /// <summary>For <see cref="SocketsHttpHandler.ConnectCallback"/>: every connection of an HTTP client, redirects included.</summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken) =>
        new NetworkStream(await ConnectSocketAsync(context.DnsEndPoint.Host, context.DnsEndPoint.Port, cancellationToken), ownsSocket: true);

    /// <summary>Resolves the host, drops the addresses the guard refuses, and connects to one of the rest.</summary>
    /// <exception cref="OutboundBlockedException">Every address the host has is refused; the message names the first and why.</exception>
    public async Task<Socket> ConnectSocketAsync(string host, int port, CancellationToken cancellationToken)
    {
        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
        var allowed = new List<IPAddress>(addresses.Length);
        string? refusal = null;
        foreach (var address in addresses)
        {
            if (Refusal(host, address, port) is { } why)
            {
                refusal ??= why;
            }
            else
            {
                allowed.Add(address);
            }
        }

        if (allowed.Count == 0)
        {
            throw new OutboundBlockedException(refusal ?? $"{host} resolves to no address.");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync([.. allowed], port, cancellationToken);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Why a connection to this address is refused, or null when it may be opened.</summary>
    public string? Refusal(string host, IPAddress address, int port)
    {
        address = OwnEndpoints.Normal(address);
        var named = host.Trim('[', ']') == address.ToString() ? address.ToString() : $"{host} ({address})";
        if (AlwaysBlocked.Any(n => n.Contains(address)))
        {
            return $"The outbound guard refused {named}: link-local and cloud metadata addresses (169.254.0.0/16, fe80::/10) are never reached, whatever {Setting} lists.";
        }

        if (own.Find(address, port) is { } listening)
        {
            return $"The outbound guard refused {named} port {port}: it is this product's own endpoint ({listening}), which steps may not call, whatever {Setting} lists.";
        }

        var guarded = Array.FindIndex(Guarded, n => n.Contains(address));
        return guarded < 0 || _allowed.Any(n => n.Contains(address))
            ? null
            : $"The outbound guard refused {named}: it is in the loopback or private range {Guarded[guarded]}, which steps reach only when the setting {Setting} lists it (such as \"{Guarded[guarded]}\").";
    }
}
