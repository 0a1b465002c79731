namespace FlowDesigner.Connectors.Outbound;

/// <summary>A connection the outbound guard refused before it was opened; retrying cannot help.</summary>
public sealed class OutboundBlockedException(string message) : IOException(message)
{
    /// <summary>The guard's refusal inside what an HTTP client threw, if that is why it failed.</summary>
    public static OutboundBlockedException? In(Exception exception)
    {
        for (var inner = exception; inner is not null; inner = inner.InnerException)
        {
            if (inner is OutboundBlockedException blocked)
            {
                return blocked;
            }
        }

        return null;
    }
}
