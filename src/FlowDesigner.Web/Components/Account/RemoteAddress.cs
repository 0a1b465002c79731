namespace FlowDesigner.Web.Components.Account;

/// <summary>The address a request came from, as the audit log names it.</summary>
public static class RemoteAddress
{
    public static string Of(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "an unknown address";
}
