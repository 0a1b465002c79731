namespace FlowDesigner.Web.Security;

/// <summary>
/// The headers every answer carries: a content security policy the pages run under (scripts only from this host, no
/// framing, no plugins), no MIME sniffing, and no referrer sent to other sites.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// Styles allow inline attributes: Blazor, MudBlazor and the diagram canvas position elements with <c>style</c>.
    /// Scripts, frames, plugins, form targets and the base address do not go beyond this host.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
        + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            return Task.CompletedTask;
        });
        await next();
    });
}
