using System.Net;
using System.Net.NetworkInformation;

namespace FlowDesigner.Connectors.Outbound;

/// <summary>
/// Where this product listens, so that no step calls the product itself: an address bound to any interface covers
/// every address of this machine on its port, <c>localhost</c> every loopback address.
/// </summary>
public sealed class OwnEndpoints
{
    private volatile Listening _listening = new([], [], [], new HashSet<IPAddress>());

    /// <summary>Takes the server's listening addresses, such as <c>http://127.0.0.1:5080</c> or <c>http://[::]:80</c>.</summary>
    public void Use(IEnumerable<string> addresses)
    {
        var exact = new List<(IPAddress, int, string)>();
        var loopback = new List<(int, string)>();
        var anyLocal = new List<(int, string)>();
        foreach (var address in addresses)
        {
            var (host, port) = HostAndPort(address);
            if (port is null)
            {
                continue; // a Unix socket or named pipe: not reachable by a step's TCP connection
            }

            if (host is "+" or "*" || (IPAddress.TryParse(host, out var any) && (any.Equals(IPAddress.Any) || any.Equals(IPAddress.IPv6Any))))
            {
                anyLocal.Add((port.Value, address));
            }
            else if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
            {
                loopback.Add((port.Value, address));
            }
            else if (IPAddress.TryParse(host, out var ip))
            {
                exact.Add((Normal(ip), port.Value, address));
            }
        }

        var machine = anyLocal.Count == 0 ? new HashSet<IPAddress>() : MachineAddresses();
        _listening = new Listening(exact, loopback, anyLocal, machine);
    }

    /// <summary>The listening address this endpoint reaches, or null when it is not one of this product's.</summary>
    public string? Find(IPAddress address, int port)
    {
        var listening = _listening;
        address = Normal(address);
        foreach (var (ip, p, name) in listening.Exact)
        {
            if (p == port && ip.Equals(address))
            {
                return name;
            }
        }

        foreach (var (p, name) in listening.Loopback)
        {
            if (p == port && IPAddress.IsLoopback(address))
            {
                return name;
            }
        }

        foreach (var (p, name) in listening.AnyLocal)
        {
            if (p == port && (IPAddress.IsLoopback(address) || listening.Machine.Contains(address)))
            {
                return name;
            }
        }

        return null;
    }

    internal static IPAddress Normal(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    private static (string Host, int? Port) HostAndPort(string address)
    {
        // Kestrel reports wildcards as http://+:80 or http://*:80, which Uri does not parse; swap in a parsable host.
        var wildcard = address.Contains("://+:", StringComparison.Ordinal) || address.Contains("://*:", StringComparison.Ordinal);
        var parsable = wildcard ? address.Replace("://+:", "://any:", StringComparison.Ordinal).Replace("://*:", "://any:", StringComparison.Ordinal) : address;
        if (!Uri.TryCreate(parsable, UriKind.Absolute, out var uri) || uri.Host.Length == 0)
        {
            return ("", null);
        }

        return (wildcard ? "*" : uri.Host.Trim('[', ']'), uri.Port);
    }

    private static HashSet<IPAddress> MachineAddresses()
    {
        try
        {
            return NetworkInterface.GetAllNetworkInterfaces()
                .SelectMany(n => n.GetIPProperties().UnicastAddresses)
                .Select(a => Normal(a.Address))
                .ToHashSet();
        }
        catch (NetworkInformationException)
        {
            return [];
        }
    }

    private sealed record Listening(
        IReadOnlyList<(IPAddress Address, int Port, string Name)> Exact,
        IReadOnlyList<(int Port, string Name)> Loopback,
        IReadOnlyList<(int Port, string Name)> AnyLocal,
        IReadOnlySet<IPAddress> Machine);
}
