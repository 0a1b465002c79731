using System.Diagnostics;
using FlowDesigner.Engine.Runtime;

namespace FlowDesigner.Web.Apis;

/// <summary>Times each webhook call, from its arrival at the endpoint to its answer, for the webhook latency metric.</summary>
public sealed class WebhookTiming(EngineMetrics metrics) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var began = Stopwatch.GetTimestamp();
        var answer = await next(context);
        var status = answer is IStatusCodeHttpResult { StatusCode: { } code } ? code : context.HttpContext.Response.StatusCode;
        metrics.WebhookTook(status, Stopwatch.GetElapsedTime(began));
        return answer;
    }
}
