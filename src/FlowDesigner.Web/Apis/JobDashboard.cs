using FlowDesigner.Web.Security;
using Hangfire;
using Hangfire.Dashboard;

namespace FlowDesigner.Web.Apis;

/// <summary><c>/hangfire</c>: the job dashboard, for Admins only; the endpoint's policy decides, not Hangfire's local-only filter.</summary>
public static class JobDashboard
{
    public static IEndpointRouteBuilder MapJobDashboard(this IEndpointRouteBuilder app)
    {
        app.MapHangfireDashboard("/hangfire", new DashboardOptions { Authorization = [new PolicyDecides()], DisplayStorageConnectionString = false })
            .RequireAuthorization(Access.Admin);
        return app;
    }

    private sealed class PolicyDecides : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context) => true;
    }
}
