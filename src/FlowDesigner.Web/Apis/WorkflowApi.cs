using FlowDesigner.Engine.Runtime;
using FlowDesigner.Engine.Workflows;
using FlowDesigner.Model.Runs;
using FlowDesigner.Model.Stores;
using FlowDesigner.Web.Security;

namespace FlowDesigner.Web.Apis;

/// <summary><c>/api</c>: import, publish and run workflows, and read runs, for automation and the benchmark.</summary>
public static class WorkflowApi
{
    public static IEndpointRouteBuilder MapWorkflowApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").DisableAntiforgery().WithTags("API");
        api.MapPost("/workflows", ImportAsync);
        api.MapGet("/workflows", ListAsync);
        api.MapPost("/workflows/{id:guid}/publish", PublishAsync);
        api.MapPost("/workflows/{id:guid}/runs", StartAsync);
        api.MapGet("/workflows/{id:guid}/runs", ListRunsAsync);
        api.MapPost("/workflows/{id:guid}/deactivate", DeactivateAsync);
        api.MapGet("/runs/{id:guid}", GetRunAsync);
        api.MapPost("/runs/{id:guid}/cancel", CancelAsync);
        api.Map("/{**rest}", NoSuchEndpoint); // any other address under /api: a problem, not the app's page or an antiforgery refusal
        return app;
    }

    private static IResult NoSuchEndpoint(HttpRequest request) => TypedResults.Problem(
        title: "No such API endpoint",
        detail: $"Nothing answers {request.Method} {request.Path}. The README's API section lists the endpoints.",
        statusCode: StatusCodes.Status404NotFound);

    private static async Task<IResult> ImportAsync(HttpRequest request, WorkflowService workflows, CurrentUser user, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(request.Body);
        var result = await workflows.ImportAsync(await reader.ReadToEndAsync(cancellationToken), user.Actor, cancellationToken);
        return result.Succeeded
            ? Results.Created($"/api/workflows/{result.Workflow.Id}", new { id = result.Workflow.Id, name = result.Workflow.Name, warnings = result.Warnings.Select(w => w.Message) })
            : Results.Problem(title: "The workflow was not imported", detail: string.Join(" ", result.Problems), statusCode: 400,
                extensions: new Dictionary<string, object?> { ["problems"] = result.Problems });
    }

    private static async Task<IResult> ListAsync(WorkflowService workflows, string? search, int? skip, int? take, CancellationToken cancellationToken) =>
        Results.Ok(await workflows.ListAsync(new WorkflowQuery(search, skip ?? 0, Math.Clamp(take ?? 50, 1, 500)), cancellationToken));

    private static async Task<IResult> PublishAsync(Guid id, PublishRequest? body, PublishService publisher, CurrentUser user, CancellationToken cancellationToken)
    {
        try
        {
            var result = await publisher.PublishAsync(id, body?.Note, user.Actor, cancellationToken);
            return result.Published
                ? Results.Ok(new { versionId = result.Version.Id, number = result.Version.Number, warnings = result.Warnings })
                : Results.Problem(title: "The workflow cannot be published yet", detail: string.Join(" ", result.Issues.Select(i => i.Message)), statusCode: 422,
                    extensions: new Dictionary<string, object?> { ["issues"] = result.Issues });
        }
        catch (WorkflowNotFoundException exception)
        {
            return Results.Problem(title: "No such workflow", detail: exception.Message, statusCode: 404);
        }
    }

    private static async Task<IResult> DeactivateAsync(Guid id, PublishService publisher, CurrentUser user, CancellationToken cancellationToken)
    {
        try
        {
            return await publisher.DeactivateAsync(id, user.Actor, cancellationToken)
                ? Results.NoContent()
                : Results.Problem(title: "The workflow is not published", detail: $"Workflow {id} has no active version.", statusCode: 409);
        }
        catch (WorkflowNotFoundException exception)
        {
            return Results.Problem(title: "No such workflow", detail: exception.Message, statusCode: 404);
        }
    }

    private static async Task<IResult> CancelAsync(Guid id, RunAdvancer runs, IRunStore store, CurrentUser user, CancellationToken cancellationToken)
    {
        if (await store.FindRunAsync(id, cancellationToken) is not { } run)
        {
            return Results.Problem(title: "No such run", detail: $"Run {id} does not exist.", statusCode: 404);
        }

        if (run.IsTerminal)
        {
            return Results.Problem(title: "The run has already ended", detail: $"Run {id} {run.Status.ToString().ToLowerInvariant()}; there is nothing to cancel.", statusCode: 409);
        }

        await runs.EndAsync(run, RunStatus.Cancelled, null, $"Cancelled by {user.Name}.", cancellationToken);
        return Results.NoContent();
    }

    private static async Task<IResult> StartAsync(Guid id, HttpRequest request, IVersionStore versions, RunStarter starter, CancellationToken cancellationToken)
    {
        if (await versions.FindActiveAsync(id, cancellationToken) is not { } version)
        {
            return Results.Problem(title: "The workflow is not published", detail: $"Workflow {id} has no active version to run. Publish it first.", statusCode: 404);
        }

        System.Text.Json.JsonElement payload;
        try
        {
            payload = request.ContentLength is null or 0
                ? System.Text.Json.JsonSerializer.SerializeToElement(new { })
                : (await System.Text.Json.JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken)).RootElement.Clone();
        }
        catch (System.Text.Json.JsonException exception)
        {
            return Results.Problem(title: "The body is not valid JSON", detail: exception.Message, statusCode: 400);
        }

        var start = await starter.StartAsync(version, RunCause.Manual, payload, new RunOrigin("api"), cancellationToken);
        return Results.Accepted($"/api/runs/{start.RunId}", new { runId = start.RunId });
    }

    private static async Task<IResult> ListRunsAsync(Guid id, IRunStore runs, int? skip, int? take, CancellationToken cancellationToken) =>
        Results.Ok(await runs.ListRunsAsync(id, skip ?? 0, Math.Clamp(take ?? 50, 1, 500), cancellationToken));

    private static async Task<IResult> GetRunAsync(Guid id, IRunStore runs, CancellationToken cancellationToken) =>
        await runs.GetSnapshotAsync(id, cancellationToken) is { } snapshot
            ? Results.Ok(snapshot)
            : Results.Problem(title: "No such run", detail: $"Run {id} does not exist.", statusCode: 404);

    /// <summary>The body of a publish request.</summary>
    public sealed record PublishRequest(string? Note);
}
