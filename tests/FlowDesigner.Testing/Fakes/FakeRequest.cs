namespace FlowDesigner.Testing.Fakes;

/// <summary>One request a fake vendor received, as it arrived.</summary>
public sealed record FakeRequest(string Method, string Path, string Query, string? Authorization, string? ContentType, string Body)
{
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();
}
