using System.Security.Claims;
using FlowDesigner.Engine.Workflows;
using FlowDesigner.Model.Runs;
using FlowDesigner.Model.Stores;
using FlowDesigner.Web.Security;
using Microsoft.AspNetCore.Authorization;

namespace FlowDesigner.Web.Apis;

/// <summary><c>/api</c>: import, publish and run workflows, and read runs, for automation and the benchmark.</summary>
public static class WorkflowApi
{
    public static IEndpointRouteBuilder MapWorkflowApi(this IEndpointRouteBuilder app)
    {
        var api = ApiGroup(app);
        api.MapPost("/workflows", ImportAsync).RequireAuthorization(Access.Designer);
        api.MapGet("/workflows", ListAsync).RequireAuthorization(Access.Operator);
        api.MapPost("/workflows/{id:guid}/publish", PublishAsync).RequireAuthorization(Access.Designer);
        api.MapPost("/workflows/{id:guid}/runs", StartAsync).RequireAuthorization(Access.Operator);
        api.MapGet("/workflows/{id:guid}/runs", ListRunsAsync).RequireAuthorization(Access.Operator);
        api.MapPost("/workflows/{id:guid}/deactivate", DeactivateAsync).RequireAuthorization(Access.Designer);
        api.Map("/{**rest}", NoSuchEndpoint).RequireAuthorization(Access.Operator); // any other address under /api: a problem, not the app's page or an antiforgery refusal
        return app;
    }

    /// <summary><c>/api</c>: signed in by personal token only, so that a page's cookie cannot act here for a script.</summary>
    public static RouteGroupBuilder ApiGroup(IEndpointRouteBuilder app) =>
        app.MapGroup("/api").DisableAntiforgery().WithTags("API")
            .RequireAuthorization(new AuthorizeAttribute { AuthenticationSchemes = Access.TokenScheme });

    private static IResult NoSuchEndpoint(HttpRequest request) => TypedResults.Problem(
        title: "No such API endpoint",
        detail: $"Nothing answers {request.Method} {request.Path}. The README's API section lists the endpoints.",
        statusCode: StatusCodes.Status404NotFound);

    private static async Task<IResult> ImportAsync(HttpRequest request, WorkflowService workflows, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(request.Body);
        var result = await workflows.ImportAsync(await reader.ReadToEndAsync(cancellationToken), UserClaims.ActorOf(user), cancellationToken);
        return result.Succeeded
            ? Results.Created($"/api/workflows/{result.Workflow.Id}", new { id = result.Workflow.Id, name = result.Workflow.Name, warnings = result.Warnings.Select(w => w.Message) })
            : Results.Problem(title: "The workflow was not imported", detail: string.Join(" ", result.Problems), statusCode: 400,
                extensions: new Dictionary<string, object?> { ["problems"] = result.Problems });
    }

    private static async Task<IResult> ListAsync(WorkflowService workflows, string? search, int? skip, int? take, CancellationToken cancellationToken) =>
        Results.Ok(await workflows.ListAsync(new WorkflowQuery(search, skip ?? 0, Math.Clamp(take ?? 50, 1, 500)), cancellationToken));

    private static async Task<IResult> PublishAsync(Guid id, PublishRequest? body, PublishService publisher, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        try
        {
            var result = await publisher.PublishAsync(id, body?.Note, UserClaims.ActorOf(user), cancellationToken);
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

    private static async Task<IResult> DeactivateAsync(Guid id, PublishService publisher, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        try
        {
            return await publisher.DeactivateAsync(id, UserClaims.ActorOf(user), cancellationToken)
                ? Results.NoContent()
                : Results.Problem(title: "The workflow is not published", detail: $"Workflow {id} has no active version.", statusCode: 409);
        }
        catch (WorkflowNotFoundException exception)
        {
            return Results.Problem(title: "No such workflow", detail: exception.Message, statusCode: 404);
        }
    }

    private static async Task<IResult> StartAsync(Guid id, HttpRequest request, RunCommands commands, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
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

        return await commands.StartAsync(id, payload, UserClaims.ActorOf(user), cancellationToken) is { } runId
            ? Results.Accepted($"/api/runs/{runId}", new { runId })
            : Results.Problem(title: "The workflow is not published", detail: $"Workflow {id} has no active version to run. Publish it first.", statusCode: 404);
    }

    private static async Task<IResult> ListRunsAsync(Guid id, IRunStore runs, int? skip, int? take, CancellationToken cancellationToken) =>
        Results.Ok(await runs.ListRunsAsync(id, skip ?? 0, Math.Clamp(take ?? 50, 1, 500), cancellationToken));

    /// <summary>The body of a publish request.</summary>
    public sealed record PublishRequest(string? Note);
}
