using FlowDesigner.Engine.Runtime;
using FlowDesigner.Web.Security;
using Microsoft.AspNetCore.Authorization;
using OpenTelemetry.Metrics;

namespace FlowDesigner.Web.Apis;

/// <summary>
/// <c>/metrics</c>: the product's meter (<see cref="EngineMetrics"/>) in Prometheus's text format, through OpenTelemetry.
/// It takes an Admin's API token, or answers anybody when <c>Metrics:AllowAnonymous</c> is set (a scraper inside a
/// private network).
/// </summary>
public static class MetricsApi
{
    public const string AllowAnonymousSetting = "Metrics:AllowAnonymous";

    public static IServiceCollection AddFlowDesignerMetrics(this IServiceCollection services)
    {
        services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddMeter(EngineMetrics.MeterName).AddPrometheusExporter());
        return services;
    }

    public static IEndpointRouteBuilder MapMetricsApi(this IEndpointRouteBuilder app)
    {
        var endpoint = app.MapPrometheusScrapingEndpoint("/metrics");
        if (app.ServiceProvider.GetRequiredService<IConfiguration>().GetValue<bool>(AllowAnonymousSetting))
        {
            endpoint.AnswerAnybody();
        }
        else
        {
            endpoint.RequireAuthorization(new AuthorizeAttribute { AuthenticationSchemes = Access.TokenScheme, Policy = Access.Admin });
        }

        return app;
    }
}
