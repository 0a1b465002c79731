using System.Net;
using FlowDesigner.Connectors.Http;
using FlowDesigner.Connectors.Outbound;
using FlowDesigner.Model.Execution;
using FlowDesigner.Testing;
using Microsoft.AspNetCore.Http;

namespace FlowDesigner.Connectors.Tests;

/// <summary>The outbound guard on the HTTP request node: checked at connect time, after DNS, redirects included.</summary>
public sealed class OutboundGuardTests : IAsyncLifetime
{
    private HttpSink _sink = default!;

    public async Task InitializeAsync() => _sink = await HttpSink.StartAsync();

    public async Task DisposeAsync() => await _sink.DisposeAsync();

    [Fact]
    public async Task HttpRequest_IsRefused_WhenItAimsAtTheMetadataAddress()
    {
        using var harness = new ConnectorHarness();

        var failure = await Assert.ThrowsAsync<StepFailedException>(() =>
            harness.RunAsync<HttpRequestExecutor>(null, new { method = "GET", url = "http://169.254.169.254/latest/meta-data/iam/" }));

        Assert.False(failure.Retryable);
        Assert.Contains("169.254.169.254", failure.Message);
        Assert.Contains("link-local and cloud metadata", failure.Message);
    }

    [Fact]
    public async Task HttpRequest_IsRefused_WhenAHostNameResolvesToLoopbackThatIsNotListed()
    {
        using var harness = new ConnectorHarness(new Dictionary<string, string> { ["Outbound:AllowedNetworks:0"] = "10.0.0.0/8" });

        var failure = await Assert.ThrowsAsync<StepFailedException>(() =>
            harness.RunAsync<HttpRequestExecutor>(null, new { method = "GET", url = $"http://localhost:{_sink.Address.Port}/private" }));

        Assert.False(failure.Retryable);
        Assert.Contains("localhost (", failure.Message);
        Assert.Contains("Outbound:AllowedNetworks", failure.Message);
        Assert.Empty(_sink.Requests);
    }

    [Fact]
    public async Task HttpRequest_ReachesLoopback_WhenAllowedNetworksListsIt()
    {
        using var harness = new ConnectorHarness(new Dictionary<string, string> { ["Outbound:AllowedNetworks:0"] = "127.0.0.0/8" });

        var result = await harness.RunAsync<HttpRequestExecutor>(null, new { method = "GET", url = $"http://127.0.0.1:{_sink.Address.Port}/listed" });

        Assert.Equal(200, result.Output.GetProperty("status").GetInt32());
        Assert.Single(_sink.To("/listed"));
    }

    [Fact]
    public async Task HttpRequest_IsRefused_WhenARedirectLeadsToTheMetadataAddress()
    {
        using var harness = new ConnectorHarness();
        _sink.On("/hop", (context, _) =>
        {
            context.Response.Redirect("http://169.254.169.254/latest/meta-data/");
            return Task.CompletedTask;
        });

        var failure = await Assert.ThrowsAsync<StepFailedException>(() =>
            harness.RunAsync<HttpRequestExecutor>(null, new { method = "GET", url = _sink.Url("hop") }));

        Assert.Contains("169.254.169.254", failure.Message);
        Assert.Single(_sink.To("/hop"));
    }

    [Fact]
    public async Task HttpRequest_IsRefused_WhenItAimsAtTheProductsOwnEndpoint_EvenWithLoopbackListed()
    {
        using var harness = new ConnectorHarness();
        harness.Get<OwnEndpoints>().Use([$"http://[::]:{_sink.Address.Port}"]);

        var failure = await Assert.ThrowsAsync<StepFailedException>(() =>
            harness.RunAsync<HttpRequestExecutor>(null, new { method = "POST", url = $"http://localhost:{_sink.Address.Port}/api/workflows" }));

        Assert.Contains("this product's own endpoint", failure.Message);
        Assert.Empty(_sink.Requests);
    }

    [Theory]
    [InlineData("169.254.169.254", "127.0.0.0/8", false)]
    [InlineData("fe80::1", "::/0", false)]
    [InlineData("10.1.2.3", "", false)]
    [InlineData("10.1.2.3", "10.0.0.0/8", true)]
    [InlineData("192.168.1.10", "10.0.0.0/8", false)]
    [InlineData("::ffff:127.0.0.1", "", false)]
    [InlineData("::1", "::1/128", true)]
    [InlineData("93.184.215.14", "", true)]
    public void Refusal_FollowsTheRanges_AndTheSetting(string address, string allowed, bool reachable)
    {
        var settings = new OutboundOptions { AllowedNetworks = allowed.Length == 0 ? [] : [allowed] };
        var guard = new OutboundGuard(Microsoft.Extensions.Options.Options.Create(settings), new OwnEndpoints());

        Assert.Equal(reachable, guard.Refusal("partner.example", IPAddress.Parse(address), 443) is null);
    }

    [Fact]
    public void AllowedNetworks_RefuseTheStart_WhenAnEntryIsNoCidr()
    {
        var outcome = new AllowedNetworks().Validate(null, new OutboundOptions { AllowedNetworks = ["10.0.0.0/8", "intranet"] });

        Assert.True(outcome.Failed);
        Assert.Contains("'intranet'", outcome.FailureMessage);
    }
}
