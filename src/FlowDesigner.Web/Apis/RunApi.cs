using System.Security.Claims;
using System.Text.Json;
using FlowDesigner.Engine.Workflows;
using FlowDesigner.Model.Runs;
using FlowDesigner.Web.Security;

namespace FlowDesigner.Web.Apis;

/// <summary>
/// <c>/api/runs</c>: the run list, filtered and paged by the runs' time-ordered ids; a run with its steps; and mending:
/// cancel, retry from the failed steps, replay, and retry of every failed run a filter selects.
/// </summary>
public static class RunApi
{
    public static IEndpointRouteBuilder MapRunApi(this IEndpointRouteBuilder app)
    {
        var api = WorkflowApi.ApiGroup(app);
        api.MapGet("/runs", ListAsync).RequireAuthorization(Access.Operator);
        api.MapGet("/runs/{id:guid}", GetAsync).RequireAuthorization(Access.Operator);
        api.MapPost("/runs/{id:guid}/cancel", CancelAsync).RequireAuthorization(Access.Operator);
        api.MapPost("/runs/{id:guid}/retry", RetryAsync).RequireAuthorization(Access.Operator);
        api.MapPost("/runs/{id:guid}/replay", ReplayAsync).RequireAuthorization(Access.Operator);
        api.MapPost("/runs/retry", RetryFailedAsync).RequireAuthorization(Access.Operator);
        return app;
    }

    private static async Task<IResult> ListAsync(HttpRequest request, IRunStore runs, CancellationToken cancellationToken)
    {
        var (query, problem) = RunListQuery.Parse(request.Query);
        if (query is null)
        {
            return Results.Problem(title: "The run list's query is not valid", detail: problem, statusCode: StatusCodes.Status400BadRequest);
        }

        var page = await runs.FindRunsAsync(query.Filter, query.After, query.Take, cancellationToken);
        return Results.Ok(new { runs = page.Runs, next = page.Next });
    }

    private static async Task<IResult> GetAsync(Guid id, RunReader runs, CancellationToken cancellationToken) =>
        await runs.FindAsync(id, cancellationToken) is { } run
            ? Results.Ok(run)
            : NoSuchRun(id);

    private static async Task<IResult> CancelAsync(Guid id, RunCommands commands, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        await commands.CancelAsync(id, UserClaims.ActorOf(user), cancellationToken) switch
        {
            null => NoSuchRun(id),
            { IsTerminal: true } run => Results.Problem(title: "The run has already ended",
                detail: $"Run {id} {run.Status.ToString().ToLowerInvariant()}; there is nothing to cancel.", statusCode: 409),
            _ => Results.NoContent(),
        };

    private static async Task<IResult> RetryAsync(Guid id, RunMending mending, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        Answer(await mending.RetryAsync(id, UserClaims.ActorOf(user), cancellationToken), "retried");

    private static async Task<IResult> ReplayAsync(Guid id, HttpRequest request, RunMending mending, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        const string expected = """The body must be {"version": "same"} or {"version": "latest"}: which version the replay runs.""";
        ReplayVersion version;
        try
        {
            using var body = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
            var text = body.RootElement is { ValueKind: JsonValueKind.Object } root && root.TryGetProperty("version", out var value) && value.ValueKind == JsonValueKind.String
                ? value.GetString()
                : null;
            if (text is not ("same" or "latest"))
            {
                return Results.Problem(title: "The replay's version is not given", detail: expected, statusCode: 400);
            }

            version = text == "same" ? ReplayVersion.Same : ReplayVersion.Latest;
        }
        catch (JsonException exception)
        {
            return Results.Problem(title: "The body is not valid JSON", detail: $"{exception.Message} {expected}", statusCode: 400);
        }

        return Answer(await mending.ReplayAsync(id, version, UserClaims.ActorOf(user), cancellationToken), "replayed");
    }

    /// <summary>Retries the failed runs the query selects (<c>GET /api/runs</c>'s filters; the status, if given, must be failed).</summary>
    private static async Task<IResult> RetryFailedAsync(HttpRequest request, RunMending mending, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var (query, problem) = RunListQuery.Parse(request.Query);
        if (query is null || query.After is not null || request.Query.ContainsKey("take"))
        {
            return Results.Problem(title: "The retry's filter is not valid",
                detail: problem ?? "A retry takes every failed run its filter selects: it has no 'after' or 'take'.", statusCode: 400);
        }

        if (query.Filter.Statuses.Any(s => s != RunStatus.Failed))
        {
            return Results.Problem(title: "Only failed runs are retried",
                detail: "Leave 'status' out, or give 'failed': a retry from the failed steps mends failed runs only.", statusCode: 400);
        }

        var result = await mending.RetryFailedAsync(query.Filter, UserClaims.ActorOf(user), null, cancellationToken);
        return Results.Ok(new { retried = result.RunIds.Count, alreadyRetried = result.AlreadyRetried, runIds = result.RunIds });
    }

    private static IResult Answer(MendResult result, string done) => result switch
    {
        { RunId: { } runId } => Results.Created($"/api/runs/{runId}", new { runId }),
        { Refusal: MendRefusal.NotFound } => Results.Problem(title: "No such run", detail: result.Problem, statusCode: 404),
        _ => Results.Problem(title: $"The run cannot be {done}", detail: result.Problem, statusCode: 409),
    };

    private static IResult NoSuchRun(Guid id) => Results.Problem(title: "No such run", detail: $"Run {id} does not exist.", statusCode: 404);
}
