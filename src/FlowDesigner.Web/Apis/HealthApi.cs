using FlowDesigner.Web.Security;
using FlowDesigner.Persistence;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace FlowDesigner.Web.Apis;

/// <summary>
/// <c>/health/live</c> (the process answers) and <c>/health/ready</c> (its database answers with every migration
/// applied, and its job storage answers), for load balancers and probes: not ready is a 503 naming what is missing.
/// </summary>
public static class HealthApi
{
    private const string Ready = "ready";

    public static IServiceCollection AddFlowDesignerHealth(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<DatabaseCheck>("database", tags: [Ready])
            .AddCheck<JobStorageCheck>("jobs", tags: [Ready]);
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
            if (!await db.Database.CanConnectAsync(cancellationToken))
            {
                return HealthCheckResult.Unhealthy("The database cannot be reached.");
            }

            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            return pending.Count == 0
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"{pending.Count} database migrations are not applied yet (the first: {pending[0]}).");
        }
    }

    private sealed class JobStorageCheck(Hangfire.JobStorage storage) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                using var connection = storage.GetConnection();
                Hangfire.Storage.StorageConnectionExtensions.GetRecurringJobs(connection); // a read of the storage: it answers
                return Task.FromResult(HealthCheckResult.Healthy());
            }
            catch (Exception exception)
            {
                return Task.FromResult(HealthCheckResult.Unhealthy($"The job storage cannot be reached: {exception.Message}"));
            }
        }
    }
}
