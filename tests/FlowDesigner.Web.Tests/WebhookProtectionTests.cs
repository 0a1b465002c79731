using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using FlowDesigner.Model.Webhooks;
using FlowDesigner.Persistence;
using FlowDesigner.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FlowDesigner.Web.Tests;

/// <summary>Webhook protection and rate limits over real Kestrel: a refused call answers 4xx and writes no event and no run.</summary>
public class WebhookProtectionTests : IAsyncLifetime
{
    private const string Body = """{"order":{"increment_id":"000000145"}}""";

    private readonly FlowDesignerHost _host;
    private HttpClient _admin = default!;
    private HttpClient _sender = default!;

    public WebhookProtectionTests()
        : this(Persistence.StorageProvider.Sqlite)
    {
    }

    /// <param name="provider">The database of the host the tests use.</param>
    protected WebhookProtectionTests(Persistence.StorageProvider provider) => _host = new FlowDesignerHost { Provider = provider };

    public async Task InitializeAsync()
    {
        _admin = await _host.ApiClientAsync();
        _sender = new HttpClient { BaseAddress = _host.Start() };
    }

    public Task DisposeAsync()
    {
        _admin.Dispose();
        _sender.Dispose();
        _host.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task StandardWebhooks_StartsOneRun_ForASignedDelivery_AndAnswersItsRepeatWithThatRun()
    {
        await PublishAsync("signed", new { protection = WebhookProtection.StandardWebhooks }, WebhookSigner.StandardSecret);

        var first = await SendAsync("signed", Body, WebhookSigner.StandardWebhooks(WebhookSigner.StandardSecret, "msg_2KWPBgLlAfxdpx2AI54pPJ85f4W", Body));
        var repeat = await SendAsync("signed", Body, WebhookSigner.StandardWebhooks(WebhookSigner.StandardSecret, "msg_2KWPBgLlAfxdpx2AI54pPJ85f4W", Body));

        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.Accepted), (first.StatusCode, repeat.StatusCode));
        var (started, again) = (await first.Content.ReadFromJsonAsync<JsonElement>(), await repeat.Content.ReadFromJsonAsync<JsonElement>());
        Assert.Equal(started.GetProperty("runId").GetGuid(), again.GetProperty("runId").GetGuid());
        Assert.True(again.GetProperty("duplicate").GetBoolean());
        Assert.Equal((1, 1), await EventsAndRunsAsync());
        await using var db = OpenDatabase();
        var headers = JsonDocument.Parse((await db.Events.SingleAsync()).PayloadJson).RootElement.GetProperty("headers");
        Assert.Equal("msg_2KWPBgLlAfxdpx2AI54pPJ85f4W", headers.GetProperty("webhook-id").GetString());
        Assert.False(headers.TryGetProperty("webhook-signature", out _), "a checked signature is not stored with the run");
    }

    [Fact]
    public async Task StandardWebhooks_RefusesAWrongSignature_AStaleTimestamp_AndNoSignature_WritingNothing()
    {
        await PublishAsync("signed", new { protection = WebhookProtection.StandardWebhooks }, WebhookSigner.StandardSecret);

        var wrong = await SendAsync("signed", Body, WebhookSigner.StandardWebhooks("whsec_QW5vdGhlciBzZWNyZXQgb2YgdGhlIHNlbmRlcg==", "msg_1", Body));
        var stale = await SendAsync("signed", Body, WebhookSigner.StandardWebhooks(WebhookSigner.StandardSecret, "msg_2", Body, DateTimeOffset.UtcNow.AddMinutes(-6)));
        var unsigned = await SendAsync("signed", Body, []);

        await AssertRefusedAsync(wrong, "No v1 signature in webhook-signature matches");
        await AssertRefusedAsync(stale, "timestamp is 36");
        await AssertRefusedAsync(unsigned, "lacks the webhook-id, webhook-timestamp and webhook-signature headers");
        Assert.Equal((0, 0), await EventsAndRunsAsync());
    }

    public static TheoryData<string, string, Dictionary<string, string>, Dictionary<string, string>> Schemes() => new()
    {
        { WebhookProtection.Stripe, "whsec_stripe-endpoint-secret", WebhookSigner.Stripe("whsec_stripe-endpoint-secret", Body), WebhookSigner.Stripe("whsec_other", Body) },
        { WebhookProtection.GitHub, "gh-secret", WebhookSigner.GitHub("gh-secret", Body), WebhookSigner.GitHub("gh-secret", Body + " ") },
        { WebhookProtection.Shopify, "shpss_secret", WebhookSigner.Shopify("shpss_secret", Body), WebhookSigner.Shopify("shpss_other", Body) },
        { WebhookProtection.Hmac, "partner-secret", WebhookSigner.BodyHmac("X-Signature", "partner-secret", Body, base64: false), WebhookSigner.BodyHmac("X-Signature", "partner-secret", "{}", base64: false) },
    };

    [Theory]
    [MemberData(nameof(Schemes))]
    public async Task ASignedWebhook_StartsARun_ForItsSendersSignature_AndRefusesAnyOther(
        string protection, string secret, Dictionary<string, string> signed, Dictionary<string, string> forged)
    {
        await PublishAsync("partner", new { protection }, secret);

        var refused = await SendAsync("partner", Body, forged);
        Assert.Equal((0, 0), await EventsAndRunsAsync());
        var accepted = await SendAsync("partner", Body, signed);

        await AssertRefusedAsync(refused, "signature");
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal((1, 1), await EventsAndRunsAsync());
        await using var db = OpenDatabase();
        var headers = JsonDocument.Parse((await db.Events.SingleAsync()).PayloadJson).RootElement.GetProperty("headers");
        Assert.False(headers.TryGetProperty(signed.Keys.Single().ToLowerInvariant(), out _), "a checked signature is not stored with the run");
    }

    [Fact]
    public async Task AnApiKeyWebhook_TakesOnlyItsKey_AndKeepsTheKeyOutOfTheRun()
    {
        await PublishAsync("keyed", new { protection = WebhookProtection.ApiKey, apiKeyHeader = "X-Shop-Key" }, "k-7Yp2-secret");

        var missing = await SendAsync("keyed", Body, []);
        var wrong = await SendAsync("keyed", Body, new() { ["X-Shop-Key"] = "k-guess" });
        Assert.Equal((0, 0), await EventsAndRunsAsync());
        var right = await SendAsync("keyed", Body, new() { ["X-Shop-Key"] = "k-7Yp2-secret" });

        await AssertRefusedAsync(missing, "No X-Shop-Key header");
        await AssertRefusedAsync(wrong, "does not hold this webhook's key");
        Assert.Equal(HttpStatusCode.Accepted, right.StatusCode);
        await using var db = OpenDatabase();
        var payload = (await db.Events.SingleAsync()).PayloadJson;
        Assert.DoesNotContain("k-7Yp2-secret", payload);
        Assert.DoesNotContain("x-shop-key", payload);
    }

    [Fact]
    public async Task AWebhookPastItsRate_Answers429WithRetryAfter_AndWritesOnlyWhatItTook()
    {
        await PublishAsync("limited", new { rateLimit = 2 }, secret: null);

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => SendAsync("limited", $$"""{"n":{{i}}}""", [])));

        var limited = answers.Where(a => a.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.NotEmpty(limited);
        Assert.All(limited, a => Assert.True(a.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1)));
        Assert.Contains("takes 2 requests a second", await limited[0].Content.ReadAsStringAsync());
        var taken = answers.Count(a => a.StatusCode == HttpStatusCode.Accepted);
        Assert.Equal(answers.Length, taken + limited.Count);
        Assert.Equal((taken, taken), await EventsAndRunsAsync());
    }

    private async Task PublishAsync(string path, object hookConfig, string? secret)
    {
        string? credential = null;
        if (secret is not null)
        {
            var created = await _admin.PostAsJsonAsync("/api/credentials", new { type = WebhookProtection.SecretCredentialType, name = $"{path} secret", fields = new { secret } });
            created.EnsureSuccessStatusCode();
            credential = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        }

        var config = JsonSerializer.SerializeToNode(hookConfig)!.AsObject();
        config["path"] = path;
        config["respond"] = "immediately";
        var workflow = JsonSerializer.Serialize(new
        {
            schema = 1,
            name = $"Hook {path}",
            nodes = new object[]
            {
                new { id = "hook", type = "core.webhook", name = "Order placed", credential, config },
                new { id = "set", type = "core.set", name = "Note", config = new { fields = new { seen = true } } },
            },
            edges = new[] { new { from = "hook", port = "out", to = "set" } },
        });
        var imported = await _admin.PostAsync("/api/workflows", new StringContent(workflow, Encoding.UTF8, "application/json"));
        var id = (await imported.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await _admin.PostAsJsonAsync($"/api/workflows/{id}/publish", new { })).EnsureSuccessStatusCode();
    }

    private Task<HttpResponseMessage> SendAsync(string path, string body, Dictionary<string, string> headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/hooks/{path}") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return _sender.SendAsync(request);
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response, string detail)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(detail, problem.GetProperty("detail").GetString());
        Assert.Contains("Nothing was started", problem.GetProperty("detail").GetString());
    }

    private FlowDbContext OpenDatabase() => _host.Services.GetRequiredService<IDbContextFactory<FlowDbContext>>().CreateDbContext();

    private async Task<(int Events, int Runs)> EventsAndRunsAsync()
    {
        await using var db = OpenDatabase();
        return (await db.Events.CountAsync(), await db.Runs.CountAsync());
    }
}
