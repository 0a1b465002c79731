using System.Text;
using FlowDesigner.Connectors.ServiceNow;
using FlowDesigner.Model.Credentials;
using FlowDesigner.Model.Execution;
using FlowDesigner.Testing.Fakes;

namespace FlowDesigner.Connectors.Tests;

public sealed class ServiceNowContractTests : IAsyncLifetime
{
    private readonly ConnectorHarness _harness = new();
    private FakeServiceNow _serviceNow = default!;

    public async Task InitializeAsync() => _serviceNow = await FakeServiceNow.StartNewAsync();

    public async Task DisposeAsync()
    {
        await _serviceNow.DisposeAsync();
        _harness.Dispose();
    }

    private CredentialValues Basic(string password = FakeServiceNow.Password) => ConnectorHarness.Credential(ServiceNowCredential.Key,
        ("instanceUrl", _serviceNow.Url("/")), ("auth", "basic"), ("username", FakeServiceNow.Username), ("password", password));

    private CredentialValues OAuthPassword() => ConnectorHarness.Credential(ServiceNowCredential.Key,
        ("instanceUrl", _serviceNow.Url("/")), ("auth", "oauth2-password"), ("username", FakeServiceNow.Username), ("password", FakeServiceNow.Password),
        ("clientId", FakeServiceNow.ClientId), ("clientSecret", FakeServiceNow.ClientSecret));

    [Fact]
    public async Task Create_PostsAnIncidentWithBasicAuth_AndGoesOnWithTheRecord()
    {
        var fields = new { short_description = "Installation service for Magento order #000001042", urgency = "3", impact = "3" };

        var result = await _harness.RunAsync<ServiceNowCreateRecordExecutor>(Basic(), new { table = "incident", fields });

        Assert.Matches("^[0-9a-f]{32}$", result.Output.GetProperty("sys_id").GetString());
        Assert.StartsWith("INC", result.Output.GetProperty("number").GetString());
        Assert.Equal("3", result.Output.GetProperty("urgency").GetString());
        var request = _serviceNow.To("/api/now/table/incident").Single(r => r.Method == "POST");
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{FakeServiceNow.Username}:{FakeServiceNow.Password}")), request.Authorization);
        Assert.StartsWith("application/json", request.ContentType);
        Assert.Equal("application/json", request.Headers["Accept"]);
    }

    [Fact]
    public async Task Create_WithACorrelationId_ReturnsTheFirstRecord_OnARetry()
    {
        var config = new { table = "incident", fields = new { short_description = "Install" }, correlationId = "magento:1042:svc" };

        var first = await _harness.RunAsync<ServiceNowCreateRecordExecutor>(Basic(), config);
        var retry = await _harness.RunAsync<ServiceNowCreateRecordExecutor>(Basic(), config, attempt: 2);

        Assert.Equal(first.Output.GetProperty("sys_id").GetString(), retry.Output.GetProperty("sys_id").GetString());
        var incident = Assert.Single(_serviceNow.Records("incident"));
        Assert.Equal("magento:1042:svc", incident["correlation_id"]!.ToString());
        Assert.Contains("sysparm_query=correlation_id%3Dmagento%3A1042%3Asvc", _serviceNow.To("/api/now/table/incident")[0].Query);
    }

    [Fact]
    public async Task OAuth_KeepsTheTokenUntilItExpires_ThenRenewsItWithTheRefreshToken()
    {
        var credential = OAuthPassword();
        await _harness.RunAsync<ServiceNowCreateRecordExecutor>(credential, new { table = "incident", fields = new { short_description = "One" } });
        await _harness.RunAsync<ServiceNowCreateRecordExecutor>(credential, new { table = "incident", fields = new { short_description = "Two" } });
        Assert.Equal(1, _serviceNow.Grants["password"]);

        // A token that runs out within the renewal margin counts as expired at once.
        _serviceNow.TokenLifetimeSeconds = 30;
        var expiring = ConnectorHarness.Credential(ServiceNowCredential.Key, [.. credential.Fields.Select(f => (f.Key, f.Value))]);
        await _harness.RunAsync<ServiceNowGetRecordExecutor>(expiring, new { table = "incident", sysId = _serviceNow.Records("incident")[0]["sys_id"]!.ToString() });
        await _harness.RunAsync<ServiceNowGetRecordExecutor>(expiring, new { table = "incident", sysId = _serviceNow.Records("incident")[0]["sys_id"]!.ToString() });

        Assert.Equal(2, _serviceNow.Grants["password"]);
        Assert.Equal(1, _serviceNow.Grants["refresh_token"]);
        Assert.All(_serviceNow.To("/oauth_token.do"), r => Assert.StartsWith("application/x-www-form-urlencoded", r.ContentType));
        Assert.StartsWith("Bearer ", _serviceNow.To("/api/now/table/incident").Last().Authorization);
    }

    [Fact]
    public async Task Update_PatchesTheFields_AndAnUnknownRecordSaysNoRecordFound()
    {
        var created = await _harness.RunAsync<ServiceNowCreateRecordExecutor>(Basic(), new { table = "incident", fields = new { short_description = "Install" } });
        var sysId = created.Output.GetProperty("sys_id").GetString();

        var updated = await _harness.RunAsync<ServiceNowUpdateRecordExecutor>(Basic(), new { table = "incident", sysId, fields = new { state = "2" } });
        var missing = await Assert.ThrowsAsync<StepFailedException>(() =>
            _harness.RunAsync<ServiceNowGetRecordExecutor>(Basic(), new { table = "incident", sysId = "0123456789abcdef0123456789abcdef" }));

        Assert.Equal("2", updated.Output.GetProperty("state").GetString());
        Assert.Equal("PATCH", _serviceNow.To($"/api/now/table/incident/{sysId}").Single().Method);
        Assert.Contains("404: No Record found - Record doesn't exist or ACL restricts the record retrieval", missing.Message);
        Assert.False(missing.Retryable);
    }

    [Fact]
    public async Task Errors_ThrottlingIsRetriedAfterTheAskedWait_AndABadLoginIsNot()
    {
        _serviceNow.RateLimitNext(retryAfterSeconds: 7);
        var throttled = await Assert.ThrowsAsync<StepFailedException>(() =>
            _harness.RunAsync<ServiceNowCreateRecordExecutor>(Basic(), new { table = "incident", fields = new { short_description = "x" } }));
        var refused = await Assert.ThrowsAsync<StepFailedException>(() =>
            _harness.RunAsync<ServiceNowCreateRecordExecutor>(Basic("wrong"), new { table = "incident", fields = new { short_description = "x" } }));

        Assert.True(throttled.Retryable);
        Assert.Equal(TimeSpan.FromSeconds(7), throttled.RetryAfter);
        Assert.Contains("Rate limit exceeded", throttled.Message);
        Assert.False(refused.Retryable);
        Assert.Contains("401: User Not Authenticated", refused.Message);
        Assert.Empty(_serviceNow.Records("incident"));
    }

    [Fact]
    public async Task Tester_SaysWhetherTheInstanceAcceptsTheCredential()
    {
        var tester = _harness.Get<ServiceNowCredentialTester>();

        var good = await tester.TestAsync(Basic(), CancellationToken.None);
        var bad = await tester.TestAsync(Basic("wrong"), CancellationToken.None);

        Assert.True(good.Succeeded, good.Message);
        Assert.False(bad.Succeeded);
        Assert.Contains("User Not Authenticated", bad.Message);
        Assert.DoesNotContain("wrong", bad.Message);
    }
}
