using System.Text.Json;
using FlowDesigner.Connectors.Magento;
using FlowDesigner.Model.Credentials;
using FlowDesigner.Model.Execution;
using FlowDesigner.Model.Polling;
using FlowDesigner.Testing.Fakes;

namespace FlowDesigner.Connectors.Tests;

public sealed class MagentoContractTests : IAsyncLifetime
{
    private readonly ConnectorHarness _harness = new();
    private FakeMagento _magento = default!;

    public async Task InitializeAsync() => _magento = await FakeMagento.StartNewAsync();

    public async Task DisposeAsync()
    {
        await _magento.DisposeAsync();
        _harness.Dispose();
    }

    private CredentialValues Token(string tokenSecret = FakeMagento.AccessTokenSecret) => ConnectorHarness.Credential(MagentoCredential.Key,
        ("baseUrl", _magento.Url("/")), ("auth", "oauth1"), ("consumerKey", FakeMagento.ConsumerKey), ("consumerSecret", FakeMagento.ConsumerSecret),
        ("accessToken", FakeMagento.AccessToken), ("accessTokenSecret", tokenSecret));

    private CredentialValues Bearer(string token) =>
        ConnectorHarness.Credential(MagentoCredential.Key, ("baseUrl", _magento.Url("/")), ("auth", "bearer"), ("accessToken", token));

    private Task<PollResult> PollAsync(JsonElement? cursor, string since = "2025-03-14 00:00:00") =>
        _harness.Get<MagentoOrderPoller>().PollAsync(
            new PollContext(Guid.NewGuid(), "New order", new Dictionary<string, JsonElement> { ["since"] = JsonSerializer.SerializeToElement(since) }, Token(), cursor),
            CancellationToken.None);

    [Fact]
    public async Task GetOrder_ReadsTheOrderByEntityId_SignedWithOAuth1()
    {
        _magento.AddOrder(MagentoSampleOrder.Create());

        var result = await _harness.RunAsync<MagentoGetOrderExecutor>(Token(), new { orderId = "1042" });

        Assert.Equal("000001042", result.Output.GetProperty("increment_id").GetString());
        Assert.Equal(3, result.Output.GetProperty("items").GetArrayLength());
        var authorization = _magento.To("/rest/default/V1/orders/1042").Single().Authorization!;
        Assert.StartsWith("OAuth oauth_consumer_key=\"mg-consumer-key-31c0\"", authorization);
        Assert.Contains("oauth_signature_method=\"HMAC-SHA256\"", authorization);
        Assert.DoesNotContain("realm", authorization);
    }

    [Fact]
    public async Task GetOrder_SendsTheTokenAsBearer_WhenTheCredentialSaysSo()
    {
        _magento.AddOrder(MagentoSampleOrder.Create());

        await _harness.RunAsync<MagentoGetOrderExecutor>(Bearer(FakeMagento.AccessToken), new { orderId = "1042" });

        Assert.Equal($"Bearer {FakeMagento.AccessToken}", _magento.To("/rest/default/V1/orders/1042").Single().Authorization);
    }

    [Fact]
    public async Task Errors_FillInTheMessagesPlaceholders()
    {
        var missing = await Assert.ThrowsAsync<StepFailedException>(() => _harness.RunAsync<MagentoGetOrderExecutor>(Token(), new { orderId = "77" }));
        var refused = await Assert.ThrowsAsync<StepFailedException>(() => _harness.RunAsync<MagentoGetOrderExecutor>(Token("not-the-secret"), new { orderId = "77" }));
        var revoked = await Assert.ThrowsAsync<StepFailedException>(() => _harness.RunAsync<MagentoGetOrderExecutor>(Bearer("revoked"), new { orderId = "77" }));

        Assert.Contains("404: The entity that was requested doesn't exist", missing.Message);
        Assert.False(missing.Retryable);
        Assert.Contains("401: The consumer isn't authorized to access Magento_Sales::actions_view.", refused.Message);
        Assert.False(refused.Retryable);
        Assert.DoesNotContain("not-the-secret", refused.Message);
        Assert.Contains("401", revoked.Message);
    }

    [Fact]
    public async Task Poll_TakesOrdersOldestFirst_ThenOnlyWhatIsNewSinceTheCursor()
    {
        _magento.AddOrder(MagentoSampleOrder.Create(1043, "2025-03-14 10:00:00"));
        _magento.AddOrder(MagentoSampleOrder.Create(1042, "2025-03-14 09:26:41"));
        _magento.AddOrder(MagentoSampleOrder.Create(1001, "2025-03-13 23:59:59"));

        var first = await PollAsync(null);
        var again = await PollAsync(first.Cursor);
        _magento.AddOrder(MagentoSampleOrder.Create(1044, "2025-03-14 10:00:00"));
        var later = await PollAsync(again.Cursor);

        Assert.Equal(["magento:default:1042", "magento:default:1043"], first.Events.Select(e => e.DedupeKey));
        Assert.All(first.Events, e => Assert.Equal("magento.order.created", e.EventType));
        Assert.Equal(1042, first.Events[0].Payload.GetProperty("entity_id").GetInt64());
        Assert.Empty(again.Events);
        Assert.Equal(["magento:default:1044"], later.Events.Select(e => e.DedupeKey));
        var search = _magento.To("/rest/default/V1/orders")[0].Query;
        Assert.Contains("searchCriteria%5Bfilter_groups%5D%5B0%5D%5Bfilters%5D%5B0%5D%5Bcondition_type%5D=gteq", search);
        Assert.Contains("searchCriteria%5BsortOrders%5D%5B0%5D%5Bdirection%5D=ASC", search);
    }

    [Fact]
    public async Task Poll_WithoutAStart_BeginsNow_AndStartsNothingForOldOrders()
    {
        _magento.AddOrder(MagentoSampleOrder.Create());

        var first = await PollAsync(null, since: "");
        var next = await PollAsync(first.Cursor, since: "");

        Assert.Empty(first.Events);
        Assert.Empty(next.Events);
        Assert.True(string.CompareOrdinal(first.Cursor.GetProperty("createdAt").GetString(), "2026-01-01") > 0);
    }

    [Fact]
    public async Task Latest_ReadsTheNewestOrderOnly_ForATestRun()
    {
        _magento.AddOrder(MagentoSampleOrder.Create(1042, "2025-03-14 09:26:41"));
        _magento.AddOrder(MagentoSampleOrder.Create(1043, "2025-03-15 10:00:00"));
        _magento.AddOrder(MagentoSampleOrder.Create(1041, "2025-03-13 08:00:00"));

        var latest = await _harness.Get<MagentoOrderPoller>().LatestAsync(
            new PollContext(Guid.NewGuid(), "New order", new Dictionary<string, JsonElement>(), Token(), null), CancellationToken.None);

        Assert.Equal(1043, latest!.Value.GetProperty("entity_id").GetInt64());
        var search = _magento.To("/rest/default/V1/orders").Single().Query;
        Assert.Contains("searchCriteria%5BsortOrders%5D%5B0%5D%5Bdirection%5D=DESC", search);
        Assert.Contains("searchCriteria%5BpageSize%5D=1", search);
        Assert.DoesNotContain("filter_groups", Uri.UnescapeDataString(search));
    }

    [Fact]
    public async Task Poll_PagesThroughMoreOrdersThanOnePage()
    {
        for (var id = 1; id <= 120; id++)
        {
            _magento.AddOrder(MagentoSampleOrder.Create(id, $"2025-03-15 08:{id / 60:D2}:{id % 60:D2}"));
        }

        var result = await PollAsync(null);

        Assert.Equal(120, result.Events.Count);
        Assert.Equal(Enumerable.Range(1, 120).Select(i => $"magento:default:{i}"), result.Events.Select(e => e.DedupeKey));
        Assert.Equal(3, _magento.To("/rest/default/V1/orders").Count);
    }
}
