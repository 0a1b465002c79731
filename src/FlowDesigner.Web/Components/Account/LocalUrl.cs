namespace FlowDesigner.Web.Components.Account;

/// <summary>Where to go after signing in: only an address on this host, so that a link cannot send a user elsewhere.</summary>
public static class LocalUrl
{
    public static string OrHome(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal) ? url : "/";
}
