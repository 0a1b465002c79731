using FlowDesigner.Web.Security;
using FlowDesigner.Persistence;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace FlowDesigner.Web.Apis;

/// <summary><c>/health/live</c> (the process answers) and <c>/health/ready</c> (and its database does), for load balancers and probes.</summary>
public static class HealthApi
{
    private const string Ready = "ready";

    public static IServiceCollection AddFlowDesignerHealth(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<DatabaseCheck>("database", tags: [Ready]);
        return services;
    }

    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AnswerAnybody();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(Ready) }).AnswerAnybody();
        return app;
    }

    private sealed class DatabaseCheck(IDbContextFactory<FlowDbContext> contexts) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            return await db.Database.CanConnectAsync(cancellationToken)
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("The database cannot be reached.");
        }
    }
}
