using System.Net.Http.Headers;

namespace FlowDesigner.Connectors.Shared;

/// <summary>How long an answer's <c>Retry-After</c> asks the caller to wait: seconds, or until a date.</summary>
public static class RetryAfterHeader
{
    public static TimeSpan? Of(HttpResponseHeaders headers) => headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - DateTimeOffset.UtcNow is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
        _ => null,
    };
}
