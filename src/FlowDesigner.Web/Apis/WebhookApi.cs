using FlowDesigner.Web.Security;
using System.Text.Json;
using FlowDesigner.Engine.Runtime;
using FlowDesigner.Engine.Triggers;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FlowDesigner.Web.Apis;

/// <summary><c>/hooks/{path}</c>: where other systems call in to start published workflows.</summary>
public static class WebhookApi
{
    public static IEndpointRouteBuilder MapWebhookApi(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/hooks/{**path}", ["GET", "POST", "PUT"], ReceiveAsync).DisableAntiforgery().AnswerAnybody().WithTags("Webhooks");
        return app;
    }

    private static async Task<IResult> ReceiveAsync(string? path, HttpRequest request, WebhookReceiver receiver, EngineOptions options, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(path))
        {
            return TypedResults.Problem(
                title: "No webhook path",
                detail: "A workflow's webhook listens at /hooks/<path>, with the path set on its trigger. Nothing was started.",
                statusCode: StatusCodes.Status404NotFound);
        }

        var limit = options.MaxWebhookBodyBytes;
        if (request.ContentLength > limit)
        {
            return TooLarge(limit);
        }

        var body = request.BodyReader;
        var read = await body.ReadAsync(cancellationToken);
        while (!read.IsCompleted && read.Buffer.Length <= limit)
        {
            body.AdvanceTo(read.Buffer.Start, read.Buffer.End);
            read = await body.ReadAsync(cancellationToken);
        }

        JsonElement payload;
        try
        {
            if (read.Buffer.Length > limit)
            {
                return TooLarge(limit);
            }

            payload = WebhookPayload.Build(request, path, read.Buffer);
        }
        catch (JsonException exception)
        {
            return Results.Problem(
                title: "The body is not valid JSON",
                detail: $"{exception.Message} Nothing was started.",
                statusCode: StatusCodes.Status400BadRequest);
        }
        finally
        {
            body.AdvanceTo(read.Buffer.End);
        }

        var response = await receiver.ReceiveAsync(request.Method, path, payload, request.Headers["Idempotency-Key"].FirstOrDefault(), cancellationToken);
        return Results.Json(response.Body, statusCode: response.StatusCode,
            contentType: response.StatusCode >= 400 ? "application/problem+json" : "application/json");
    }

    private static ProblemHttpResult TooLarge(int limit) => TypedResults.Problem(
        title: "The body is too large",
        detail: $"A webhook body may be at most {limit / 1024} KB (setting Engine:MaxWebhookBodyBytes). Nothing was started.",
        statusCode: StatusCodes.Status413PayloadTooLarge);
}
