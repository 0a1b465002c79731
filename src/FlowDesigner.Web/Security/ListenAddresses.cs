using System.Net;

namespace FlowDesigner.Web.Security;

/// <summary>Where the host is set to listen: the <c>urls</c>, <c>http_ports</c>/<c>https_ports</c> and <c>Kestrel:Endpoints</c> settings.</summary>
public static class ListenAddresses
{
    /// <summary>The configured addresses that reach beyond this machine; none when the host listens on loopback only.</summary>
    public static IReadOnlyList<string> BeyondLoopback(IConfiguration configuration)
    {
        var urls = (configuration["urls"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Concat(configuration.GetSection("Kestrel:Endpoints").GetChildren().Select(e => e["Url"]).OfType<string>())
            .ToList();
        if (urls.Count == 0 && (configuration["http_ports"] ?? configuration["https_ports"]) is { Length: > 0 } ports)
        {
            return [$"every interface, port {ports}"]; // ports alone bind to all interfaces
        }

        return [.. urls.Where(url => !IsLoopback(url))];
    }

    private static bool IsLoopback(string url)
    {
        var host = url.Split("://", 2) is [_, var rest] ? rest : url;
        host = host.Split('/')[0];
        host = host.StartsWith('[') ? host[1..host.IndexOf(']')] : host.Split(':')[0];
        return host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));
    }
}
