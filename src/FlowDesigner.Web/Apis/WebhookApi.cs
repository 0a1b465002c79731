using System.Text;
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
        app.MapMethods("/hooks/{**path}", ["GET", "POST", "PUT"], ReceiveAsync).DisableAntiforgery().WithTags("Webhooks");
        return app;
    }

    private static async Task<IResult> ReceiveAsync(string path, HttpRequest request, WebhookReceiver receiver, EngineOptions options, CancellationToken cancellationToken)
    {
        var body = await ReadBodyAsync(request, options.MaxWebhookBodyBytes, cancellationToken);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var payload = JsonSerializer.SerializeToElement(new
        {
            method = request.Method,
            path = "/hooks/" + path,
            headers = request.Headers.Where(h => !IsSensitive(h.Key)).ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString()),
            query = request.Query.ToDictionary(q => q.Key, q => q.Value.ToString()),
            body = body.Value,
        });
        var response = await receiver.ReceiveAsync(request.Method, path, payload, request.Headers["Idempotency-Key"].FirstOrDefault(), cancellationToken);
        return Results.Json(response.Body, statusCode: response.StatusCode,
            contentType: response.StatusCode >= 400 ? "application/problem+json" : "application/json");
    }

    private static async Task<(JsonElement Value, IResult? Problem)> ReadBodyAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            return (default, TooLarge(limit));
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > limit)
            {
                return (default, TooLarge(limit));
            }
        }

        if (buffer.Length == 0)
        {
            return (JsonSerializer.SerializeToElement<object?>(null), null);
        }

        var contentType = request.ContentType ?? "";
        if (contentType.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                return (JsonDocument.Parse(buffer.ToArray()).RootElement.Clone(), null);
            }
            catch (JsonException exception)
            {
                return (default, Results.Problem(
                    title: "The body is not valid JSON",
                    detail: $"{exception.Message} Nothing was started.",
                    statusCode: StatusCodes.Status400BadRequest));
            }
        }

        var text = Encoding.UTF8.GetString(buffer.ToArray());
        if (contentType.Contains("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            var form = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(text).ToDictionary(f => f.Key, f => f.Value.ToString());
            return (JsonSerializer.SerializeToElement(form), null);
        }

        return (JsonSerializer.SerializeToElement(text), null);
    }

    private static ProblemHttpResult TooLarge(int limit) => TypedResults.Problem(
        title: "The body is too large",
        detail: $"A webhook body may be at most {limit / 1024} KB (setting Engine:MaxWebhookBodyBytes). Nothing was started.",
        statusCode: StatusCodes.Status413PayloadTooLarge);

    private static bool IsSensitive(string header) =>
        header.Equals("Authorization", StringComparison.OrdinalIgnoreCase) || header.Equals("Cookie", StringComparison.OrdinalIgnoreCase);
}
