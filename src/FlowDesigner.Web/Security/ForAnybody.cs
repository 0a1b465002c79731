namespace FlowDesigner.Web.Security;

/// <summary>
/// Endpoints that answer anybody and read no user (webhooks, health): they run as soon as routing has found them, ahead
/// of the sign-in, authorization and antiforgery middleware, which on the product's busiest path would cost CPU on
/// every run to find nobody. The policy table lists them as anonymous.
/// </summary>
public static class ForAnybody
{
    /// <summary>Marks the endpoints as answering anybody, ahead of the sign-in middleware.</summary>
    public static TBuilder AnswerAnybody<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.AllowAnonymous().WithMetadata(Marker.Instance);

    /// <summary>Runs a marked endpoint at once; every other request goes on through the pipeline.</summary>
    public static IApplicationBuilder UseEndpointsForAnybody(this IApplicationBuilder app) => app.Use(next => context =>
        context.GetEndpoint() is { RequestDelegate: { } run } endpoint && endpoint.Metadata.GetMetadata<Marker>() is not null
            ? run(context)
            : next(context));

    private sealed class Marker
    {
        public static Marker Instance { get; } = new();
    }
}
