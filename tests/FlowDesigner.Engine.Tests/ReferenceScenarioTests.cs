using System.Text.Json;
using FlowDesigner.Connectors.Email;
using FlowDesigner.Connectors.Magento;
using FlowDesigner.Connectors.NetSuite;
using FlowDesigner.Connectors.Salesforce;
using FlowDesigner.Connectors.ServiceNow;
using FlowDesigner.Engine.Credentials;
using FlowDesigner.Engine.Runtime;
using FlowDesigner.Engine.Triggers;
using FlowDesigner.Engine.Workflows;
using FlowDesigner.Model.Events;
using FlowDesigner.Model.Runs;
using FlowDesigner.Testing;
using FlowDesigner.Testing.Fakes;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FlowDesigner.Engine.Tests;

/// <summary>The whole reference scenario through the engine, against the four vendors' fakes, with real Hangfire workers and SQLite.</summary>
public sealed class ReferenceScenarioTests : IAsyncLifetime
{
    private readonly CapturedLogs _logs = new();
    private TestServices _services = default!;
    private FakeMagento _magento = default!;
    private FakeSalesforce _salesforce = default!;
    private FakeServiceNow _serviceNow = default!;
    private FakeNetSuite _netSuite = default!;

    public async Task InitializeAsync()
    {
        _magento = await FakeMagento.StartNewAsync();
        _salesforce = await FakeSalesforce.StartNewAsync();
        _serviceNow = await FakeServiceNow.StartNewAsync();
        _netSuite = await FakeNetSuite.StartNewAsync();
        _services = await TestServices.StartAsync(jobs: true, configure: services =>
        {
            services.AddSingleton(new EngineOptions { RecoveryIntervalSeconds = 3600 });
            services.AddSingleton<ILoggerProvider>(_logs);
            services.Configure<LoggerFilterOptions>(o => o.MinLevel = LogLevel.Trace);
        });
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _magento.DisposeAsync();
        await _salesforce.DisposeAsync();
        await _serviceNow.DisposeAsync();
        await _netSuite.DisposeAsync();
    }

    [Fact]
    public async Task APolledMagentoOrder_ReachesSalesforceServiceNowAndNetSuite_AndEmitsOrderCreated_WithoutWritingASecret()
    {
        var credentials = _services.Get<CredentialService>();
        var magento = await SaveAsync(credentials, MagentoCredential.Key, "Shop", ("baseUrl", _magento.Url("/")),
            ("consumerKey", FakeMagento.ConsumerKey), ("consumerSecret", FakeMagento.ConsumerSecret),
            ("accessToken", FakeMagento.AccessToken), ("accessTokenSecret", FakeMagento.AccessTokenSecret));
        var salesforce = await SaveAsync(credentials, SalesforceCredential.Key, "CRM", ("flow", "client_credentials"), ("loginUrl", _salesforce.Url("/")),
            ("clientId", FakeSalesforce.ClientId), ("clientSecret", FakeSalesforce.ClientSecret));
        var serviceNow = await SaveAsync(credentials, ServiceNowCredential.Key, "Field service", ("instanceUrl", _serviceNow.Url("/")), ("auth", "oauth2-password"),
            ("username", FakeServiceNow.Username), ("password", FakeServiceNow.Password), ("clientId", FakeServiceNow.ClientId), ("clientSecret", FakeServiceNow.ClientSecret));
        var netSuite = await SaveAsync(credentials, NetSuiteCredential.Key, "ERP", ("accountId", FakeNetSuite.AccountId), ("baseUrl", _netSuite.Url("/")),
            ("consumerKey", FakeNetSuite.ConsumerKey), ("consumerSecret", FakeNetSuite.ConsumerSecret), ("tokenId", FakeNetSuite.TokenId), ("tokenSecret", FakeNetSuite.TokenSecret));
        await using var smtp = LoopbackSmtpServer.Start();
        var mail = await SaveAsync(credentials, SmtpCredential.Key, "Mail", ("host", "127.0.0.1"), ("port", smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("security", "none"), ("username", LoopbackSmtpServer.User), ("password", LoopbackSmtpServer.Password), ("from", "Shop <shop@example.com>"));
        var driver = new EngineDriver(_services);
        var followerId = await driver.PublishAsync(ReferenceScenario.Follower);
        var emailerId = await driver.PublishAsync(ReferenceScenario.EmailFollower(mail));
        var workflowId = await driver.PublishAsync(ReferenceScenario.Workflow(magento, salesforce, serviceNow, netSuite));
        _magento.AddOrder(MagentoSampleOrder.Create());

        var started = await _services.Get<PollJobs>().PollAsync(workflowId, default);
        var run = await driver.WaitForRunAsync((await _services.Get<IRunStore>().ListRunsAsync(workflowId, 0, 1, default)).Single().Id);
        var follower = await driver.WaitForRunAsync((await WaitForRunsAsync(followerId)).Single().Id);
        var startedAgain = await _services.Get<PollJobs>().PollAsync(workflowId, default);

        Assert.Equal(1, started);
        Assert.True(run.Run.Status == RunStatus.Succeeded, string.Join("\n", run.Steps.Select(s => $"{s.NodeId}: {s.Status} {s.Error}")));
        Assert.Equal(RunCause.Poll, run.Run.Cause);
        Assert.Equal(0, startedAgain);
        using var recurring = _services.Get<JobStorage>().GetConnection();
        Assert.Contains(Hangfire.Storage.StorageConnectionExtensions.GetRecurringJobs(recurring), j => j.Id == ScheduleRegistry.JobId(workflowId) && j.Cron == "0 */1 * * * *");

        var account = Assert.Single(_salesforce.Records("Account"));
        Assert.Equal("Jane Doe", account["Name"]!.ToString());
        var order = Assert.Single(_salesforce.Records("Order"));
        Assert.Equal("000001042", order["Magento_Order_Id__c"]!.ToString());
        Assert.Equal(account["Id"]!.ToString(), order["AccountId"]!.ToString());
        Assert.Equal("2025-03-14", order["EffectiveDate"]!.ToString());
        Assert.Equal("Magento order #000001042 - 3 lines, 813.00 USD", order["Description"]!.ToString());

        var incident = Assert.Single(_serviceNow.Records("incident"));
        Assert.Equal("magento:1042:svc", incident["correlation_id"]!.ToString());
        Assert.Equal("Installation service for Magento order #000001042", incident["short_description"]!.ToString());
        Assert.Equal("1 x Installation service (SRV-INSTALL) @ 120 USD", incident["description"]!.ToString());

        var salesOrder = Assert.Single(_netSuite.SalesOrders);
        Assert.Equal("magento-000001042", salesOrder["externalId"]!.ToString());
        Assert.Equal(["512", "513"], salesOrder["item"]!["items"]!.AsArray().Select(i => i!["item"]!["id"]!.ToString()));
        Assert.Equal([1, 2], salesOrder["item"]!["items"]!.AsArray().Select(i => i!["quantity"]!.GetValue<int>()));
        Assert.Null(_netSuite.LastRefusal);

        Assert.Equal(RunStatus.Succeeded, follower.Run.Status);
        Assert.Contains(order["Id"]!.ToString(), follower.Steps.Single(s => s.NodeId == "keep").OutputJson);

        // The causal chain, from the polled order: the order's run, the event it emitted, and the runs that followed it,
        // the buyer's email among them.
        var emailer = await driver.WaitForRunAsync((await WaitForRunsAsync(emailerId)).Single().Id);
        Assert.Equal("Your order 000001042 is confirmed", Assert.Single(smtp.Messages).Subject);
        var orderEvent = (await _services.Get<IEventStore>().FindEventOfRunAsync(run.Run.Id, default))!.Value;
        var chain = (await _services.Get<CausalChains>().OfEventAsync(orderEvent, default))!;
        Assert.Equal((5, false), (chain.Count, chain.Truncated));
        Assert.Equal((EventSourceKind.Poll, RunCause.Poll), (chain.Root.Event!.SourceKind, Assert.Single(chain.Root.Children).Run!.Cause));
        var orderRun = chain.Root.Children[0];
        Assert.Equal((run.Run.Id, "Magento order to Salesforce, ServiceNow and NetSuite"), (orderRun.Id, orderRun.WorkflowName));
        var created = Assert.Single(orderRun.Children);
        Assert.Equal(("salesforce.order.created", run.Run.Id), (created.Event!.Type, created.Event.CausedByRunId));
        Assert.Equal(
            [(follower.Run.Id, RunStatus.Succeeded, "When a Salesforce order is created"), (emailer.Run.Id, RunStatus.Succeeded, "Email the buyer when the Salesforce order is created")],
            created.Children.Select(c => (c.Id, c.Run!.Status, c.WorkflowName!)).OrderBy(c => c.Item3 == "When a Salesforce order is created" ? 0 : 1));
        Assert.All(created.Children, c => Assert.Empty(c.Children));

        await AssertNoSecretWrittenAsync();
    }

    [Fact]
    public async Task APollTheStoreRefuses_RecordsWhatItSaid_AndStartsNothing()
    {
        var magento = await SaveAsync(_services.Get<CredentialService>(), MagentoCredential.Key, "Shop", ("baseUrl", _magento.Url("/")),
            ("auth", "bearer"), ("accessToken", "revoked-token-123"));
        var workflowId = await new EngineDriver(_services).PublishAsync("""
            { "schema": 1, "name": "New orders", "nodes": [
              { "id": "new", "type": "magento.new-order", "name": "New order", "credential": "ID", "config": { "since": "2025-03-14 00:00:00" } },
              { "id": "keep", "type": "core.set", "name": "Keep", "config": { "fields": { "id": "{{ trigger.entity_id }}" } } } ],
              "edges": [ { "from": "new", "port": "out", "to": "keep" } ] }
            """.Replace("ID", magento.ToString()));
        _magento.AddOrder(MagentoSampleOrder.Create());

        var started = await _services.Get<PollJobs>().PollAsync(workflowId, default);

        Assert.Equal(0, started);
        await using var db = _services.OpenDatabase();
        var cursor = await db.TriggerCursors.SingleAsync();
        Assert.Null(cursor.CursorJson);
        Assert.Contains("401: The consumer isn't authorized to access Magento_Sales::actions_view.", cursor.LastError);
        Assert.DoesNotContain("revoked-token-123", cursor.LastError);
        Assert.Empty(await _services.Get<IRunStore>().ListRunsAsync(workflowId, 0, 10, default));
    }

    private async Task AssertNoSecretWrittenAsync()
    {
        string[] secrets = [FakeMagento.AccessToken, FakeMagento.AccessTokenSecret, FakeMagento.ConsumerSecret, FakeSalesforce.ClientSecret, FakeServiceNow.Password, FakeServiceNow.ClientSecret, FakeNetSuite.ConsumerSecret, FakeNetSuite.TokenSecret, LoopbackSmtpServer.Password];
        await using var db = _services.OpenDatabase();
        var rows = await db.StepRuns.AsNoTracking().ToListAsync();
        var written = string.Join("\n", rows.Select(r => JsonSerializer.Serialize(r)))
            + string.Join("\n", (await db.Events.AsNoTracking().ToListAsync()).Select(e => JsonSerializer.Serialize(e)))
            + string.Join("\n", (await db.Runs.AsNoTracking().ToListAsync()).Select(r => JsonSerializer.Serialize(r)))
            + string.Join("\n", (await db.Credentials.AsNoTracking().ToListAsync()).Select(c => c.ProtectedData));
        var logged = string.Join("\n", _logs.Entries);
        Assert.NotEmpty(rows);
        Assert.NotEmpty(_logs.Entries);
        Assert.All(secrets, secret =>
        {
            Assert.DoesNotContain(secret, written);
            Assert.DoesNotContain(secret, logged);
        });
    }

    private static async Task<Guid> SaveAsync(CredentialService credentials, string type, string name, params (string Field, string Value)[] fields)
    {
        var saved = await credentials.SaveAsync(new CredentialInput(null, type, name, fields.ToDictionary(f => f.Field, f => f.Value)), TestActors.Admin, default);
        Assert.True(saved.Succeeded, string.Join("; ", saved.Problems.Values));
        return saved.Saved!.Id;
    }

    private async Task<IReadOnlyList<RunRecord>> WaitForRunsAsync(Guid workflowId)
    {
        for (var i = 0; i < 200; i++)
        {
            var runs = await _services.Get<IRunStore>().ListRunsAsync(workflowId, 0, 10, default);
            if (runs.Count > 0)
            {
                return runs;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"No run of workflow {workflowId} started.");
    }
}
