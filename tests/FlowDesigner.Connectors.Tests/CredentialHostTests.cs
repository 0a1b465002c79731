using FlowDesigner.Connectors.Http;
using FlowDesigner.Model.Execution;
using FlowDesigner.Testing;

namespace FlowDesigner.Connectors.Tests;

/// <summary>A generic HTTP credential goes only to the hosts it lists, checked before any byte is sent.</summary>
public sealed class CredentialHostTests : IAsyncLifetime
{
    private readonly ConnectorHarness _harness = new();
    private HttpSink _allowed = default!;
    private HttpSink _elsewhere = default!;

    public async Task InitializeAsync()
    {
        _allowed = await HttpSink.StartAsync();
        _elsewhere = await HttpSink.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _allowed.DisposeAsync();
        await _elsewhere.DisposeAsync();
        _harness.Dispose();
    }

    [Fact]
    public async Task HttpRequest_SendsNothing_WhenTheHostIsNotInTheCredentialsAllowedHosts()
    {
        var credential = ConnectorHarness.Credential(BearerTokenCredential.Key, ("token", "secret-token-41"), ("allowedHosts", "api.partner.example, *.partner.example"));

        var failure = await Assert.ThrowsAsync<StepFailedException>(() =>
            _harness.RunAsync<HttpRequestExecutor>(credential, new { method = "POST", url = _elsewhere.Url("collect"), bodyType = "json", body = new { } }));

        Assert.False(failure.Retryable);
        Assert.Contains("was not sent to 127.0.0.1", failure.Message);
        Assert.Contains("allowedHosts", failure.Message);
        Assert.DoesNotContain("secret-token-41", failure.Message);
        Assert.Empty(_elsewhere.Requests);
    }

    [Fact]
    public async Task HttpRequest_SendsNothing_WhenAnAllowedHostRedirectsToAnotherHost()
    {
        var credential = ConnectorHarness.Credential(ApiKeyCredential.Key, ("location", "header"), ("name", "X-API-Key"), ("key", "k-77"), ("allowedHosts", "127.0.0.1"));
        _allowed.On("/moved", (context, _) =>
        {
            context.Response.StatusCode = 307;
            context.Response.Headers.Location = $"http://localhost:{_elsewhere.Address.Port}/collect";
            return Task.CompletedTask;
        });

        var failure = await Assert.ThrowsAsync<StepFailedException>(() =>
            _harness.RunAsync<HttpRequestExecutor>(credential, new { method = "GET", url = _allowed.Url("moved") }));

        Assert.Contains("was not sent to localhost", failure.Message);
        Assert.Single(_allowed.To("/moved"));
        Assert.Empty(_elsewhere.Requests);
    }

    [Fact]
    public async Task HttpRequest_FollowsARedirect_WithinTheAllowedHosts()
    {
        var credential = ConnectorHarness.Credential(BearerTokenCredential.Key, ("token", "t-1"), ("allowedHosts", "127.0.0.1"));
        _allowed.On("/old", (context, _) =>
        {
            context.Response.Redirect("/new");
            return Task.CompletedTask;
        });

        var result = await _harness.RunAsync<HttpRequestExecutor>(credential, new { method = "GET", url = _allowed.Url("old") });

        Assert.Equal(200, result.Output.GetProperty("status").GetInt32());
        Assert.Single(_allowed.To("/new"));
    }

    [Fact]
    public async Task HttpRequest_SendsNothing_WhenTheCredentialListsNoHosts()
    {
        var credential = ConnectorHarness.Credential(HttpBasicCredential.Key, ("username", "ops"), ("password", "pw"), ("allowedHosts", ""));

        var failure = await Assert.ThrowsAsync<StepFailedException>(() =>
            _harness.RunAsync<HttpRequestExecutor>(credential, new { method = "GET", url = _allowed.Url("any") }));

        Assert.Contains("Allowed hosts (allowedHosts) is empty", failure.Message);
        Assert.Empty(_allowed.Requests);
    }

    [Theory]
    [InlineData("api.partner.example", "api.partner.example", true)]
    [InlineData("API.Partner.Example", "api.partner.example", true)]
    [InlineData("*.partner.example", "eu.api.partner.example", true)]
    [InlineData("*.partner.example", "partner.example", false)]
    [InlineData("*.partner.example", "evilpartner.example", false)]
    [InlineData("api.partner.example", "api.partner.example.evil.test", false)]
    [InlineData("a.example, b.example", "b.example", true)]
    [InlineData("*", "anything.test", true)]
    [InlineData("", "api.partner.example", false)]
    public void Allows_MatchesExactNamesAndSubdomainWildcards(string listed, string host, bool allowed) =>
        Assert.Equal(allowed, AllowedHosts.Allows(listed, host));

    [Theory]
    [InlineData("https://api.partner.example")]
    [InlineData("api.partner.example:8443")]
    [InlineData("api.partner.example/orders")]
    [InlineData("*partner.example")]
    public void Field_RefusesWhatIsNoHostName(string listed) => Assert.NotNull(AllowedHosts.Field.Check!(listed));

    [Theory]
    [InlineData("api.partner.example, *.partner.example")]
    [InlineData("*")]
    [InlineData("127.0.0.1")]
    public void Field_TakesHostNamesWildcardsAndAddresses(string listed) => Assert.Null(AllowedHosts.Field.Check!(listed));
}
