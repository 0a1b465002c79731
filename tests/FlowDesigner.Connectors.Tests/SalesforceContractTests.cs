using System.Text.Json;
using FlowDesigner.Connectors.Salesforce;
using FlowDesigner.Model.Credentials;
using FlowDesigner.Model.Execution;
using FlowDesigner.Testing.Fakes;
using Microsoft.AspNetCore.Http;

namespace FlowDesigner.Connectors.Tests;

public sealed class SalesforceContractTests : IAsyncLifetime
{
    private readonly ConnectorHarness _harness = new();
    private FakeSalesforce _salesforce = default!;

    public async Task InitializeAsync() => _salesforce = await FakeSalesforce.StartNewAsync();

    public async Task DisposeAsync()
    {
        await _salesforce.DisposeAsync();
        _harness.Dispose();
    }

    private CredentialValues ClientCredentials(string secret = FakeSalesforce.ClientSecret) => ConnectorHarness.Credential(SalesforceCredential.Key,
        ("flow", "client_credentials"), ("loginUrl", _salesforce.Url("/")), ("clientId", FakeSalesforce.ClientId), ("clientSecret", secret));

    [Fact]
    public async Task Create_PostsTheRecord_WithATokenFromTheClientCredentialsFlow_ThenReusesTheToken()
    {
        var credential = ClientCredentials();
        var fields = new { AccountId = "001D000000IqhSLIAZ", EffectiveDate = "2025-03-14", Status = "Draft", Description = "Magento order #000001042" };

        var first = await _harness.RunAsync<SalesforceCreateRecordExecutor>(credential, new { @object = "Order", fields });
        var second = await _harness.RunAsync<SalesforceCreateRecordExecutor>(credential, new { @object = "Order", fields });

        Assert.True(first.Output.GetProperty("success").GetBoolean());
        Assert.StartsWith("801", first.Output.GetProperty("id").GetString());
        Assert.NotEqual(first.Output.GetProperty("id").GetString(), second.Output.GetProperty("id").GetString());
        Assert.Equal(1, _salesforce.TokenRequests);
        var token = Assert.Single(_salesforce.To("/services/oauth2/token"));
        Assert.StartsWith("application/x-www-form-urlencoded", token.ContentType);
        Assert.Contains("grant_type=client_credentials", token.Body);
        var create = _salesforce.To("/services/data/v60.0/sobjects/Order/")[0];
        Assert.Equal("POST", create.Method);
        Assert.StartsWith("Bearer 00DS7000000oxzo!", create.Authorization);
        Assert.StartsWith("application/json", create.ContentType);
        Assert.Equal("application/json", create.Headers["Accept"]);
        Assert.Equal("Draft", JsonDocument.Parse(create.Body).RootElement.GetProperty("Status").GetString());
        Assert.Equal(2, _salesforce.Records("Order").Count);
    }

    [Fact]
    public async Task Steps_SignInAgainOnce_WhenSalesforceEndsTheSession()
    {
        var credential = ClientCredentials();
        var account = _salesforce.Add("Account", new() { ["Name"] = "Jane Doe" });
        await _harness.RunAsync<SalesforceGetRecordExecutor>(credential, new { @object = "Account", recordId = account["Id"]!.ToString() });

        _salesforce.ExpireSessions();
        var read = await _harness.RunAsync<SalesforceGetRecordExecutor>(credential, new { @object = "Account", recordId = account["Id"]!.ToString(), select = "Id, Name" });

        Assert.Equal("Jane Doe", read.Output.GetProperty("Name").GetString());
        Assert.Equal("Account", read.Output.GetProperty("attributes").GetProperty("type").GetString());
        Assert.Equal(2, _salesforce.TokenRequests);
        Assert.Equal("?fields=Id%2CName", _salesforce.To($"/services/data/v60.0/sobjects/Account/{account["Id"]}").Last().Query);
    }

    [Fact]
    public async Task UsernamePasswordFlow_SendsThePasswordWithTheSecurityToken()
    {
        var credential = ConnectorHarness.Credential(SalesforceCredential.Key,
            ("flow", "password"), ("loginUrl", _salesforce.Url("/")), ("clientId", FakeSalesforce.ClientId), ("clientSecret", FakeSalesforce.ClientSecret),
            ("username", FakeSalesforce.Username), ("password", FakeSalesforce.Password), ("securityToken", FakeSalesforce.SecurityToken));

        var outcome = await _harness.Get<SalesforceCredentialTester>().TestAsync(credential, CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.Message);
        Assert.Contains(_salesforce.Address.ToString().TrimEnd('/'), outcome.Message);
        Assert.Contains("grant_type=password", _salesforce.To("/services/oauth2/token")[0].Body);
    }

    [Fact]
    public async Task SignIn_Fails_WithWhatSalesforceSaid_WhenTheSecretIsWrong()
    {
        var error = await Assert.ThrowsAsync<StepFailedException>(() =>
            _harness.RunAsync<SalesforceCreateRecordExecutor>(ClientCredentials("wrong-secret"), new { @object = "Account", fields = new { Name = "X" } }));

        Assert.Contains("invalid_client_id", error.Message);
        Assert.Contains("client identifier invalid", error.Message);
        Assert.False(error.Retryable);
    }

    [Fact]
    public async Task Upsert_CreatesOnce_ThenUpdatesTheSameRecord()
    {
        var credential = ClientCredentials();
        var config = new
        {
            @object = "Order",
            externalIdField = "Magento_Order_Id__c",
            externalId = "000001042",
            fields = new { AccountId = "001D000000IqhSLIAZ", EffectiveDate = "2025-03-14", Status = "Draft" },
        };

        var created = await _harness.RunAsync<SalesforceUpsertRecordExecutor>(credential, config);
        var updated = await _harness.RunAsync<SalesforceUpsertRecordExecutor>(credential, config);

        Assert.True(created.Output.GetProperty("created").GetBoolean());
        Assert.False(updated.Output.GetProperty("created").GetBoolean());
        Assert.Equal(created.Output.GetProperty("id").GetString(), updated.Output.GetProperty("id").GetString());
        Assert.Single(_salesforce.Records("Order"));
        Assert.All(_salesforce.To("/services/data/v60.0/sobjects/Order/Magento_Order_Id__c/000001042"), r => Assert.Equal("PATCH", r.Method));
    }

    [Fact]
    public async Task Update_Answers204_AndAnUnknownIdFailsWithNotFound()
    {
        var credential = ClientCredentials();
        var order = _salesforce.Add("Order", new() { ["Status"] = "Draft" });

        var updated = await _harness.RunAsync<SalesforceUpdateRecordExecutor>(credential, new { @object = "Order", recordId = order["Id"]!.ToString(), fields = new { Description = "updated" } });
        var missing = await Assert.ThrowsAsync<StepFailedException>(() =>
            _harness.RunAsync<SalesforceUpdateRecordExecutor>(credential, new { @object = "Order", recordId = "801D000000NOPE", fields = new { Description = "x" } }));

        Assert.True(updated.Output.GetProperty("success").GetBoolean());
        Assert.Equal("updated", _salesforce.Records("Order")[0]["Description"]!.ToString());
        Assert.Contains("404 NOT_FOUND", missing.Message);
        Assert.False(missing.Retryable);
    }

    [Fact]
    public async Task Query_FollowsNextRecordsUrl_UntilDone()
    {
        for (var i = 0; i < 5; i++)
        {
            _salesforce.Add("Order", new() { ["Status"] = "Draft", ["OrderReferenceNumber"] = $"R{i}" });
        }

        var result = await _harness.RunAsync<SalesforceQueryExecutor>(ClientCredentials(), new { soql = "SELECT Id, Status FROM Order WHERE Status = 'Draft'", maxRecords = 2000 });

        Assert.Equal(5, result.Output.GetProperty("records").GetArrayLength());
        Assert.True(result.Output.GetProperty("done").GetBoolean());
        Assert.Equal(3, _salesforce.To("/services/data/v60.0/query").Count);
        Assert.Contains("q=SELECT%20Id%2C%20Status%20FROM%20Order", _salesforce.To("/services/data/v60.0/query")[0].Query);
    }

    [Fact]
    public async Task Errors_SayTheCodeAndFields_AndOnlyLimitsAndOutagesAreRetried()
    {
        var credential = ClientCredentials();
        var validation = await Assert.ThrowsAsync<StepFailedException>(() =>
            _harness.RunAsync<SalesforceCreateRecordExecutor>(credential, new { @object = "Account", fields = new { Type = "Customer" } }));
        _salesforce.FailNext(c => FakeSalesforce.Errors(c, 403, "REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded."));
        var limit = await Assert.ThrowsAsync<StepFailedException>(() =>
            _harness.RunAsync<SalesforceCreateRecordExecutor>(credential, new { @object = "Account", fields = new { Name = "X" } }));
        _salesforce.FailNext(c =>
        {
            c.Response.StatusCode = 503;
            return c.Response.WriteAsync("Service Unavailable");
        });
        var outage = await Assert.ThrowsAsync<StepFailedException>(() =>
            _harness.RunAsync<SalesforceCreateRecordExecutor>(credential, new { @object = "Account", fields = new { Name = "X" } }));

        Assert.Contains("400 REQUIRED_FIELD_MISSING: Required fields are missing: [Name] (fields: Name)", validation.Message);
        Assert.False(validation.Retryable);
        Assert.Contains("403 REQUEST_LIMIT_EXCEEDED: TotalRequests Limit exceeded.", limit.Message);
        Assert.True(limit.Retryable);
        Assert.Contains("503", outage.Message);
        Assert.True(outage.Retryable);
    }
}
