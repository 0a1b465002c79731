using FlowDesigner.Connectors.Auth;
using FlowDesigner.Connectors.NetSuite;
using FlowDesigner.Model.Credentials;
using FlowDesigner.Model.Execution;
using FlowDesigner.Testing.Fakes;

namespace FlowDesigner.Connectors.Tests;

public sealed class NetSuiteContractTests : IAsyncLifetime
{
    private readonly ConnectorHarness _harness = new();
    private FakeNetSuite _netSuite = default!;

    public async Task InitializeAsync() => _netSuite = await FakeNetSuite.StartNewAsync();

    public async Task DisposeAsync()
    {
        await _netSuite.DisposeAsync();
        _harness.Dispose();
    }

    private CredentialValues Tba(string tokenSecret = FakeNetSuite.TokenSecret) => ConnectorHarness.Credential(NetSuiteCredential.Key,
        ("accountId", FakeNetSuite.AccountId), ("baseUrl", _netSuite.Url("/")), ("consumerKey", FakeNetSuite.ConsumerKey),
        ("consumerSecret", FakeNetSuite.ConsumerSecret), ("tokenId", FakeNetSuite.TokenId), ("tokenSecret", tokenSecret));

    private static object Order(string externalId, string item = "512") => new
    {
        fields = new
        {
            entity = new { id = "107" },
            externalId,
            otherRefNum = "000001042",
            tranDate = "2025-03-14",
            memo = "Magento order #000001042",
            item = new { items = new[] { new { item = new { id = item }, quantity = 1, rate = 499.0 } } },
        },
    };

    [Fact]
    public void Signature_MatchesTheReferenceVector()
    {
        var uri = new Uri("https://1234567-sb1.suitetalk.api.netsuite.com/services/rest/query/v1/suiteql?limit=10&offset=0");
        var oauth = new Dictionary<string, string>
        {
            ["oauth_consumer_key"] = "ck-test-consumer-key",
            ["oauth_token"] = "tk-test-token-id",
            ["oauth_nonce"] = "fjaLirsIcCGVZWzBX0pg",
            ["oauth_timestamp"] = "1700000000",
            ["oauth_signature_method"] = "HMAC-SHA256",
            ["oauth_version"] = "1.0",
        };

        var baseString = OAuth1Signature.BaseString("POST", uri, oauth);
        var header = OAuth1Signature.HeaderParameters(
            "POST", uri, "1234567_SB1", "ck-test-consumer-key", "cs-test-consumer-secret", "tk-test-token-id", "ts-test-token-secret", "fjaLirsIcCGVZWzBX0pg", 1700000000);

        Assert.Equal(
            "POST&https%3A%2F%2F1234567-sb1.suitetalk.api.netsuite.com%2Fservices%2Frest%2Fquery%2Fv1%2Fsuiteql&limit%3D10%26oauth_consumer_key%3Dck-test-consumer-key%26oauth_nonce%3DfjaLirsIcCGVZWzBX0pg%26oauth_signature_method%3DHMAC-SHA256%26oauth_timestamp%3D1700000000%26oauth_token%3Dtk-test-token-id%26oauth_version%3D1.0%26offset%3D0",
            baseString);
        Assert.Equal("K9azz255OEzLbQIJQYdLUaQBcCeCl5dPfzyVzDnL/1U=", OAuth1Signature.Sign(baseString, "cs-test-consumer-secret", "ts-test-token-secret"));
        Assert.StartsWith("realm=\"1234567_SB1\", ", header);
        Assert.Contains("oauth_signature=\"K9azz255OEzLbQIJQYdLUaQBcCeCl5dPfzyVzDnL%2F1U%3D\"", header);
        Assert.DoesNotContain("limit", header);
    }

    [Fact]
    public async Task CreateSalesOrder_IsSignedAndTakesTheIdFromLocation_AndARetryFindsTheFirstOrder()
    {
        var created = await _harness.RunAsync<NetSuiteCreateSalesOrderExecutor>(Tba(), Order("magento-000001042"));
        var retried = await _harness.RunAsync<NetSuiteCreateSalesOrderExecutor>(Tba(), Order("magento-000001042"), attempt: 2);

        Assert.Null(_netSuite.LastRefusal);
        Assert.True(created.Output.GetProperty("created").GetBoolean());
        Assert.False(retried.Output.GetProperty("created").GetBoolean());
        Assert.Equal(created.Output.GetProperty("id").GetString(), retried.Output.GetProperty("id").GetString());
        var order = Assert.Single(_netSuite.SalesOrders);
        Assert.Equal("107", order["entity"]!["id"]!.ToString());
        var query = _netSuite.To("/services/rest/query/v1/suiteql")[0];
        Assert.Equal("?limit=1&offset=0", query.Query);
        Assert.Equal("transient", query.Headers["Prefer"]);
        Assert.EndsWith("externalid = 'magento-000001042'", System.Text.Json.JsonDocument.Parse(query.Body).RootElement.GetProperty("q").GetString());
        Assert.All(_netSuite.Requests, r => Assert.StartsWith("OAuth realm=\"1234567_SB1\"", r.Authorization));
    }

    [Fact]
    public async Task GetRecord_AndSuiteQl_ReadWhatWasCreated()
    {
        var created = await _harness.RunAsync<NetSuiteCreateSalesOrderExecutor>(Tba(), Order("magento-000001043"));
        var id = created.Output.GetProperty("id").GetString();

        var read = await _harness.RunAsync<NetSuiteGetRecordExecutor>(Tba(), new { recordType = "salesOrder", id });
        var rows = await _harness.RunAsync<NetSuiteQueryExecutor>(Tba(), new { query = "SELECT id, tranid, externalid FROM transaction WHERE externalid = 'magento-000001043'" });

        Assert.Equal(id, read.Output.GetProperty("id").GetString());
        Assert.Equal($"SO{id}", read.Output.GetProperty("tranId").GetString());
        Assert.Equal(1, rows.Output.GetProperty("count").GetInt32());
        Assert.Equal(id, rows.Output.GetProperty("items")[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task AWrongTokenSecret_FailsWithInvalidLogin_AndIsNotRetried()
    {
        var error = await Assert.ThrowsAsync<StepFailedException>(() => _harness.RunAsync<NetSuiteCreateSalesOrderExecutor>(Tba("not-the-secret"), Order("magento-1")));

        Assert.Equal("signature", _netSuite.LastRefusal);
        Assert.Contains("401 INVALID_LOGIN", error.Message);
        Assert.False(error.Retryable);
        Assert.DoesNotContain("not-the-secret", error.Message);
    }

    [Fact]
    public async Task Errors_NameTheField_AndThrottlingIsRetried()
    {
        var invalid = await Assert.ThrowsAsync<StepFailedException>(() => _harness.RunAsync<NetSuiteCreateSalesOrderExecutor>(Tba(), Order("magento-2", item: "9999")));
        _netSuite.TooManyRequestsNext();
        var throttled = await Assert.ThrowsAsync<StepFailedException>(() => _harness.RunAsync<NetSuiteCreateSalesOrderExecutor>(Tba(), Order("magento-3")));

        Assert.Contains("400 INVALID_CONTENT", invalid.Message);
        Assert.Contains("Invalid Field Value 9999", invalid.Message);
        Assert.Contains("[at item.items[0].item]", invalid.Message);
        Assert.False(invalid.Retryable);
        Assert.Contains("429 CONCURRENCY_LIMIT_EXCEEDED", throttled.Message);
        Assert.True(throttled.Retryable);
        Assert.Empty(_netSuite.SalesOrders);
    }
}
