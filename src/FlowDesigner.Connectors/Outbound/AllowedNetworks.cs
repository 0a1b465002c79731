using System.Net;
using Microsoft.Extensions.Options;

namespace FlowDesigner.Connectors.Outbound;

/// <summary>Reads <see cref="OutboundOptions.AllowedNetworks"/>, refusing the start-up on an entry that is no CIDR.</summary>
public sealed class AllowedNetworks : IValidateOptions<OutboundOptions>
{
    public ValidateOptionsResult Validate(string? name, OutboundOptions options)
    {
        var wrong = options.AllowedNetworks.Where(n => !IPNetwork.TryParse(n.Trim(), out _)).ToList();
        return wrong.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"Outbound:AllowedNetworks holds {string.Join(", ", wrong.Select(w => $"'{w}'"))}, which is not a network in CIDR notation such as 10.0.0.0/8 or ::1/128.");
    }

    public static IPNetwork[] Parse(IEnumerable<string> networks) =>
        [.. networks.Select(n => IPNetwork.TryParse(n.Trim(), out var parsed) ? parsed : default).Where(n => n != default)];
}
