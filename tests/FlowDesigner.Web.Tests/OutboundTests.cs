using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using FlowDesigner.Model.Users;
using FlowDesigner.Persistence;
using FlowDesigner.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FlowDesigner.Web.Tests;

/// <summary>
/// What a Designer's workflow may reach, replayed as an attacker would: a stored credential sent to a host of the
/// workflow's choosing, the product's own API, the cloud metadata address, a name that resolves to loopback.
/// </summary>
public sealed class OutboundTests : IAsyncLifetime
{
    private const string Token = "partner-token-5Qe9";

    private readonly FlowDesignerHost _host = new();
    private HttpSink _collector = default!;
    private HttpSink _partner = default!;
    private HttpClient _admin = default!;
    private HttpClient _designer = default!;

    public async Task InitializeAsync()
    {
        _collector = await HttpSink.StartAsync();
        _partner = await HttpSink.StartAsync();
        _admin = await _host.ApiClientAsync();
        _designer = await _host.ApiClientAsync(Role.Designer);
    }

    public async Task DisposeAsync()
    {
        _admin.Dispose();
        _designer.Dispose();
        _host.Dispose();
        await _collector.DisposeAsync();
        await _partner.DisposeAsync();
    }

    [Fact]
    public async Task ABearerCredential_IsNotSent_ToAHostItsAllowedHostsLeaveOut()
    {
        var credential = await BearerAsync("api.partner.example");

        var error = await RunFailingAsync("leak", _collector.Url("collect"), credential);

        Assert.Contains($"The credential 'Partner API' was not sent to 127.0.0.1: that host is not in its Allowed hosts (allowedHosts: api.partner.example)", error);
        Assert.DoesNotContain(Token, error);
        Assert.Empty(_collector.Requests);
    }

    [Fact]
    public async Task ABearerCredential_IsNotSent_WhereAnAllowedHostRedirects()
    {
        var credential = await BearerAsync("127.0.0.1");
        _partner.On("/orders", (context, _) =>
        {
            context.Response.StatusCode = 307;
            context.Response.Headers.Location = $"http://localhost:{_collector.Address.Port}/collect";
            return Task.CompletedTask;
        });

        var error = await RunFailingAsync("redirected", _partner.Url("orders"), credential);

        Assert.Contains("was not sent to localhost", error);
        Assert.Single(_partner.Requests);
        Assert.Empty(_collector.Requests);
    }

    [Fact]
    public async Task AStep_CannotCallTheProductsOwnApi_NorTheMetadataAddress()
    {
        var own = await RunFailingAsync("own", new Uri(_host.Start(), "api/workflows").ToString(), credential: null);
        var metadata = await RunFailingAsync("metadata", "http://169.254.169.254/latest/meta-data/iam/security-credentials/", credential: null);

        Assert.Contains("this product's own endpoint", own);
        Assert.Contains("The outbound guard refused 169.254.169.254", metadata);
    }

    private async Task<string> BearerAsync(string allowedHosts)
    {
        var created = await _admin.PostAsJsonAsync("/api/credentials", new { type = "http.bearer", name = "Partner API", fields = new { token = Token, allowedHosts } });
        created.EnsureSuccessStatusCode();
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    /// <summary>A Designer publishes a webhook-started HTTP call; the webhook is called; the step's error comes back.</summary>
    private async Task<string> RunFailingAsync(string path, string url, string? credential)
    {
        var workflow = JsonSerializer.Serialize(new
        {
            schema = 1,
            name = $"Call {path}",
            nodes = new object[]
            {
                new { id = "hook", type = "core.webhook", name = "Start", config = new { path, respond = "whenFinished", responseTimeoutSeconds = 20 } },
                new { id = "call", type = "http.request", name = "Call", credential, config = new { method = "GET", url } },
            },
            edges = new[] { new { from = "hook", port = "out", to = "call" } },
        });
        var imported = await _designer.PostAsync("/api/workflows", new StringContent(workflow, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, imported.StatusCode);
        var id = (await imported.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await _designer.PostAsJsonAsync($"/api/workflows/{id}/publish", new { })).EnsureSuccessStatusCode();

        using var sender = new HttpClient { BaseAddress = _host.Start() };
        var answer = await sender.PostAsJsonAsync($"/hooks/{path}", new { });
        var problem = await answer.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.BadGateway, answer.StatusCode);
        Assert.Equal("The workflow's run failed", problem.GetProperty("title").GetString());
        var runId = problem.GetProperty("runId").GetGuid();
        Assert.EndsWith($"Its steps are in run {runId}.", problem.GetProperty("detail").GetString());
        await using var db = _host.Services.GetRequiredService<IDbContextFactory<FlowDbContext>>().CreateDbContext();
        var step = await db.StepRuns.SingleAsync(s => s.RunId == runId && s.NodeId == "call");
        Assert.Equal(Model.Runs.StepStatus.Failed, step.Status);
        Assert.Equal(1, step.Attempt); // refused before sending: nothing to retry
        return step.Error!;
    }
}
