using FlowDesigner.Model.Credentials;
using FlowDesigner.Model.Descriptors;
using FlowDesigner.Model.Execution;

namespace FlowDesigner.Connectors.Http;

/// <summary>
/// The hosts a generic HTTP credential may be sent to: exact names, <c>*.domain</c> for any host under a domain, or
/// <c>*</c> for any host at all, typed on purpose. A request to any other host fails before a byte leaves.
/// </summary>
public static class AllowedHosts
{
    public const string FieldName = "allowedHosts";

    public static CredentialFieldDescriptor Field { get; } = CredentialField.Text(FieldName, "Allowed hosts") with
    {
        Help = "The hosts this credential may be sent to, comma-separated: api.example.com, *.example.com (any host under it, not example.com itself), or * for any host.",
        Check = Problem,
    };

    /// <exception cref="StepFailedException">The credential may not go to this URL's host; the message names the host and the field.</exception>
    public static void Require(CredentialValues credential, Uri url)
    {
        var listed = credential.Get(FieldName);
        if (listed.Length == 0)
        {
            throw new StepFailedException(
                $"The credential '{credential.Name}' was not sent to {url.Host}: its Allowed hosts ({FieldName}) is empty, so it may go nowhere. "
                + $"An Admin lists the hosts it is meant for on the Credentials page, such as {url.Host}.",
                retryable: false);
        }

        if (!Allows(listed, url.Host))
        {
            throw new StepFailedException(
                $"The credential '{credential.Name}' was not sent to {url.Host}: that host is not in its Allowed hosts ({FieldName}: {listed}). "
                + "Call a listed host, or have an Admin add this one on the Credentials page.",
                retryable: false);
        }
    }

    public static bool Allows(string listed, string host)
    {
        host = host.Trim('[', ']').TrimEnd('.').ToLowerInvariant();
        foreach (var entry in Entries(listed))
        {
            if (entry == "*" || entry == host || (entry.StartsWith("*.", StringComparison.Ordinal) && host.EndsWith(entry[1..], StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }

    private static IEnumerable<string> Entries(string listed) =>
        listed.Split([',', ' ', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(e => e.TrimEnd('.').ToLowerInvariant());

    private static string? Problem(string listed)
    {
        var wrong = Entries(listed).Where(e => !IsEntry(e)).ToList();
        return wrong.Count == 0
            ? null
            : $"{string.Join(", ", wrong.Select(w => $"'{w}'"))} is not a host name: list names such as api.example.com or *.example.com, without scheme, port or path, or * for any host.";
    }

    private static bool IsEntry(string entry)
    {
        if (entry == "*")
        {
            return true;
        }

        var name = entry.StartsWith("*.", StringComparison.Ordinal) ? entry[2..] : entry;
        if (System.Net.IPAddress.TryParse(name.Trim('[', ']'), out _))
        {
            return !entry.StartsWith("*.", StringComparison.Ordinal);
        }

        return name.Length is > 0 and <= 253
            && name.Split('.').All(label => label.Length is > 0 and <= 63
                && label.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')
                && label[0] != '-' && label[^1] != '-')
            && Uri.CheckHostName(name) == UriHostNameType.Dns;
    }
}
