using System.Text;
using FlowDesigner.Connectors.Http;
using FlowDesigner.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace FlowDesigner.Connectors.Tests;

/// <summary>The HTTP request node signing with each generic credential type, against a loopback API and token endpoint.</summary>
public sealed class HttpAuthTests : IAsyncLifetime
{
    private readonly ConnectorHarness _harness = new();
    private readonly List<string> _issued = [];
    private readonly List<(string Path, string? Authorization, string Query, string? ApiKey)> _calls = [];
    private WebApplication _app = default!;
    private Uri _address = default!;
    private int _tokenCalls;

    public async Task InitializeAsync() => (_app, _address) = await LoopbackApp.StartAsync(app =>
    {
        app.MapPost("/oauth/token", async context =>
        {
            var form = await context.Request.ReadFormAsync();
            _tokenCalls++;
            if (form["grant_type"] != "client_credentials" || form["client_id"] != "app" || form["client_secret"] != "app-secret-8c" || form["scope"] != "orders.write")
            {
                context.Response.StatusCode = 401;
                await context.Response.WriteAsJsonAsync(new { error = "invalid_client", error_description = "Client authentication failed" });
                return;
            }

            var token = $"tok-{_tokenCalls}";
            _issued.Add(token);
            await context.Response.WriteAsJsonAsync(new { access_token = token, token_type = "Bearer", expires_in = 3600 });
        });
        app.MapGet("/api/{**rest}", (HttpContext context) =>
        {
            var auth = context.Request.Headers.Authorization.ToString();
            _calls.Add((context.Request.Path, auth, context.Request.QueryString.Value ?? "", context.Request.Headers["X-API-Key"].ToString()));
            return auth.StartsWith("Bearer ", StringComparison.Ordinal) && !_issued.Contains(auth[7..]) ? Results.StatusCode(401) : Results.Json(new { ok = true });
        });
    });

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _harness.Dispose();
    }

    private Task RunAsync(Model.Credentials.CredentialValues credential) =>
        _harness.RunAsync<HttpRequestExecutor>(credential, new { method = "GET", url = new Uri(_address, "/api/orders").ToString() });

    [Fact]
    public async Task OAuth2ClientCredentials_FetchesOneToken_AndAnotherOnlyWhenTheApiRefusesIt()
    {
        var credential = ConnectorHarness.Credential(OAuth2ClientCredential.Key,
            ("tokenUrl", new Uri(_address, "/oauth/token").ToString()), ("clientId", "app"), ("clientSecret", "app-secret-8c"), ("scope", "orders.write"));

        await RunAsync(credential);
        await RunAsync(credential);
        _issued.Clear();
        await RunAsync(credential);

        Assert.Equal(2, _tokenCalls);
        Assert.Equal(["Bearer tok-1", "Bearer tok-1", "Bearer tok-1", "Bearer tok-2"], _calls.Select(c => c.Authorization));
    }

    [Fact]
    public async Task OAuth2ClientCredentials_FetchesANewToken_OnceTheCredentialIsSavedAgain()
    {
        var saved = ConnectorHarness.Credential(OAuth2ClientCredential.Key,
            ("tokenUrl", new Uri(_address, "/oauth/token").ToString()), ("clientId", "app"), ("clientSecret", "app-secret-8c"), ("scope", "orders.write"));
        var resaved = new Model.Credentials.CredentialValues(
            saved.Id, saved.Type, saved.Name, saved.Fields, ["clientSecret"], saved.Stamp.AddSeconds(1));

        await RunAsync(saved);
        await RunAsync(resaved);
        await RunAsync(resaved);

        Assert.Equal(2, _tokenCalls);
        Assert.Equal(["Bearer tok-1", "Bearer tok-2", "Bearer tok-2"], _calls.Select(c => c.Authorization));
    }

    [Fact]
    public async Task BasicBearerAndApiKey_AreSentWhereEachSays()
    {
        _issued.Add("fixed-token");
        await RunAsync(ConnectorHarness.Credential(HttpBasicCredential.Key, ("username", "ops"), ("password", "pa:ss")));
        await RunAsync(ConnectorHarness.Credential(BearerTokenCredential.Key, ("token", "fixed-token")));
        await RunAsync(ConnectorHarness.Credential(ApiKeyCredential.Key, ("location", "header"), ("name", "X-API-Key"), ("key", "k-123")));
        await RunAsync(ConnectorHarness.Credential(ApiKeyCredential.Key, ("location", "query"), ("name", "api_key"), ("key", "k-456")));

        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("ops:pa:ss")), _calls[0].Authorization);
        Assert.Equal("Bearer fixed-token", _calls[1].Authorization);
        Assert.Equal("k-123", _calls[2].ApiKey);
        Assert.Equal("?api_key=k-456", _calls[3].Query);
    }

    [Fact]
    public async Task Tester_ReportsTheTokenEndpointsRefusal()
    {
        var credential = ConnectorHarness.Credential(OAuth2ClientCredential.Key,
            ("tokenUrl", new Uri(_address, "/oauth/token").ToString()), ("clientId", "app"), ("clientSecret", "wrong"), ("scope", "orders.write"));

        var outcome = await _harness.Get<HttpCredentialTester>().TestAsync(credential, CancellationToken.None);

        Assert.False(outcome.Succeeded);
        Assert.Contains("401 invalid_client", outcome.Message);
        Assert.Contains("Client authentication failed", outcome.Message);
    }
}
