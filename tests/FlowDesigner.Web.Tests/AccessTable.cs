namespace FlowDesigner.Web.Tests;

/// <summary>
/// The policy table of issue 20 and DESIGN.md section 8, written out once for the tests: who may reach each route of the
/// app. A route the app maps that is not listed here fails the route-table test, so that a new page or endpoint gets a
/// decision, not a default.
/// </summary>
public static class AccessTable
{
    /// <summary>Who may: anybody, or at least this role.</summary>
    public enum Who
    {
        Anonymous,
        Operator,
        Designer,
        Admin,
    }

    /// <summary>By "METHOD route pattern"; pages by their route with GET and POST (forms post to themselves).</summary>
    public static IReadOnlyDictionary<string, Who> Routes { get; } = new Dictionary<string, Who>
    {
        // Anonymous: webhooks, health, sign-in, set-up (until an owner exists), the pages that explain refusals and errors.
        ["GET,POST,PUT /hooks/{**path}"] = Who.Anonymous,
        ["* /health/live"] = Who.Anonymous,
        ["* /health/ready"] = Who.Anonymous,
        ["PAGE /sign-in"] = Who.Anonymous,
        ["PAGE /sign-in/code"] = Who.Anonymous,
        ["PAGE /setup"] = Who.Anonymous,
        ["PAGE /access-denied"] = Who.Anonymous,
        ["PAGE /not-found"] = Who.Anonymous,
        ["PAGE /error"] = Who.Anonymous,

        // Operator: view workflows, runs, events and the dashboard, run now, cancel and mend runs; their own account.
        ["PAGE /"] = Who.Operator,
        ["PAGE /workflows"] = Who.Operator,
        ["PAGE /workflows/{Id:guid}/versions"] = Who.Operator,
        ["PAGE /account"] = Who.Operator,
        ["POST /sign-out"] = Who.Operator,
        ["GET /api/workflows"] = Who.Operator,
        ["GET /api/workflows/{id:guid}/runs"] = Who.Operator,
        ["POST /api/workflows/{id:guid}/runs"] = Who.Operator,
        ["GET /api/runs"] = Who.Operator,
        ["GET /api/runs/{id:guid}"] = Who.Operator,
        ["POST /api/runs/{id:guid}/cancel"] = Who.Operator,
        ["PAGE /runs"] = Who.Operator,
        ["PAGE /runs/{RunId:guid}"] = Who.Operator,
        ["POST /api/runs/{id:guid}/retry"] = Who.Operator,
        ["POST /api/runs/{id:guid}/replay"] = Who.Operator,
        ["POST /api/runs/retry"] = Who.Operator,
        ["PAGE /dashboard"] = Who.Operator,
        ["PAGE /events"] = Who.Operator,
        ["PAGE /events/{EventId:guid}"] = Who.Operator,
        ["GET /api/events"] = Who.Operator,
        ["GET /api/events/{id:guid}"] = Who.Operator,
        ["GET /api/events/{id:guid}/chain"] = Who.Operator,
        ["GET /api/runs/{id:guid}/chain"] = Who.Operator,
        ["* /api/{**rest}"] = Who.Operator,

        // Designer: build, import, publish, deactivate.
        ["PAGE /workflows/{Id:guid}"] = Who.Designer,
        ["POST /api/workflows"] = Who.Designer,
        ["POST /api/workflows/{id:guid}/publish"] = Who.Designer,
        ["POST /api/workflows/{id:guid}/deactivate"] = Who.Designer,

        // Admin: credentials, users, the audit log, retention and storage, the job dashboard.
        ["PAGE /credentials"] = Who.Admin,
        ["PAGE /users"] = Who.Admin,
        ["PAGE /audit"] = Who.Admin,
        ["PAGE /settings/retention"] = Who.Admin,
        ["* /hangfire/{**path}"] = Who.Admin,
        ["* /metrics"] = Who.Admin, // an Admin's API token; anybody when Metrics:AllowAnonymous is set (MetricsTests)
        ["GET /api/credential-types"] = Who.Admin,
        ["GET /api/credentials"] = Who.Admin,
        ["POST /api/credentials"] = Who.Admin,
        ["PUT /api/credentials/{id:guid}"] = Who.Admin,
        ["DELETE /api/credentials/{id:guid}"] = Who.Admin,
    };

    /// <summary>A path that reaches the route, with a fresh id or a word for each parameter.</summary>
    public static string PathOf(string pattern) =>
        pattern.Replace("{Id:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
            .Replace("{id:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
            .Replace("{RunId:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
            .Replace("{EventId:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
            .Replace("{**path}", "probe", StringComparison.Ordinal)
            .Replace("{**rest}", "probe", StringComparison.Ordinal);
}
