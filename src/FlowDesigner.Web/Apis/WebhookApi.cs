using FlowDesigner.Web.Security;
using System.Globalization;
using System.Text.Json;
using FlowDesigner.Engine.Runtime;
using FlowDesigner.Engine.Triggers;
using FlowDesigner.Engine.Webhooks;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FlowDesigner.Web.Apis;

/// <summary><c>/hooks/{path}</c>: where other systems call in to start published workflows.</summary>
public static class WebhookApi
{
    public static IEndpointRouteBuilder MapWebhookApi(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/hooks/{**path}", ["GET", "POST", "PUT"], ReceiveAsync).AddEndpointFilter<WebhookTiming>().DisableAntiforgery().AnswerAnybody().WithTags("Webhooks");
        return app;
    }

    /// <summary>
    /// Reads the body within its size limit, finds the listening workflow, lets the gate check the rate and the
    /// sender's key or signature, and only then writes the event and the run.
    /// </summary>
    private static async Task<IResult> ReceiveAsync(
        string? path, HttpRequest request, WebhookReceiver receiver, WebhookGate gate, EngineOptions options, CancellationToken cancellationToken)
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

        WebhookTarget? target;
        WebhookAdmission admission;
        JsonElement payload;
        try
        {
            if (read.Buffer.Length > limit)
            {
                return TooLarge(limit);
            }

            target = await receiver.FindAsync(request.Method, path, cancellationToken);
            if (target is null)
            {
                return Answer(WebhookReceiver.NotFound(request.Method, path));
            }

            admission = await gate.AdmitAsync(target, request.Headers, read.Buffer, cancellationToken);
            if (admission.Refusal is { } refusal)
            {
                if (refusal.RetryAfterSeconds is { } seconds)
                {
                    request.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                }

                return TypedResults.Problem(title: refusal.Title, detail: refusal.Detail, statusCode: refusal.StatusCode);
            }

            payload = WebhookPayload.Build(request, path, read.Buffer, admission.CheckedHeader);
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

        var deliveryKey = admission.DeliveryId ?? request.Headers["Idempotency-Key"].FirstOrDefault();
        return Answer(await receiver.ReceiveAsync(target, request.Method, path, payload, deliveryKey, cancellationToken));
    }

    private static IResult Answer(WebhookResponse response) => Results.Json(response.Body, statusCode: response.StatusCode,
        contentType: response.StatusCode >= 400 ? "application/problem+json" : "application/json");

    private static ProblemHttpResult TooLarge(int limit) => TypedResults.Problem(
        title: "The body is too large",
        detail: $"A webhook body may be at most {limit / 1024} KB (setting Engine:MaxWebhookBodyBytes). Nothing was started.",
        statusCode: StatusCodes.Status413PayloadTooLarge);
}
