using FlowDesigner.Testing;
using FlowDesigner.Connectors.Http;
using FlowDesigner.Connectors.Salesforce;
using FlowDesigner.Engine.Credentials;
using FlowDesigner.Engine.Workflows;
using FlowDesigner.Model.Runs;
using FlowDesigner.Testing.Fakes;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace FlowDesigner.Engine.Tests;

public class CredentialServiceTests : EngineTestBase
{
    private const string Token = "bearer-secret-7Qx2";

    private CredentialService Credentials => Services.Get<CredentialService>();

    private async Task<CredentialSummary> SaveBearerAsync(string name = "Partner API", string token = Token)
    {
        var saved = await Credentials.SaveAsync(new CredentialInput(null, BearerTokenCredential.Key, name, new Dictionary<string, string> { ["token"] = token, ["allowedHosts"] = "127.0.0.1" }), TestActors.Admin, default);
        Assert.True(saved.Succeeded, string.Join("; ", saved.Problems.Values));
        return saved.Saved!;
    }

    private static string EchoWorkflow(Guid credential) => $$$"""
        { "schema": 1, "name": "Call partner",
          "nodes": [
            { "id": "hook", "type": "core.webhook", "name": "Order", "config": { "path": "partner", "respond": "whenFinished" } },
            { "id": "call", "type": "http.request", "name": "Call partner", "credential": "{{{credential}}}",
              "config": { "method": "GET", "url": "{{ env.sink }}echo" }, "retry": { "maxAttempts": 1 } } ],
          "edges": [ { "from": "hook", "port": "out", "to": "call" } ] }
        """;

    [Fact]
    public async Task Save_EncryptsTheFields_AndOpenShowsWhichSecretsAreSet_NeverTheirValues()
    {
        var saved = await Credentials.SaveAsync(new CredentialInput(null, SalesforceCredential.Key, "CRM", new Dictionary<string, string>
        {
            ["clientId"] = "consumer-key-1",
            ["clientSecret"] = "consumer-secret-1",
            ["loginUrl"] = "https://acme.my.salesforce.com",
        }), TestActors.Admin, default);

        var form = await Credentials.OpenAsync(saved.Saved!.Id, default);
        await using var db = Services.OpenDatabase();
        var row = await db.Credentials.SingleAsync();

        Assert.Equal("Salesforce", saved.Saved.TypeName);
        Assert.True(saved.Saved.Readable);
        Assert.Equal("consumer-key-1", form!.Values["clientId"]);
        Assert.Equal("v60.0", form.Values["apiVersion"]);
        Assert.False(form.Values.ContainsKey("clientSecret"));
        Assert.Contains("clientSecret", form.SetSecrets);
        Assert.DoesNotContain("password", form.SetSecrets);
        Assert.DoesNotContain("consumer-secret-1", row.ProtectedData);
        Assert.DoesNotContain("consumer-key-1", row.ProtectedData);
        Assert.Equal("credential.created", (await db.AuditEntries.SingleAsync(a => a.EntityType == "credential")).Action);
    }

    [Fact]
    public async Task Save_KeepsAStoredSecretLeftEmpty_AndReplacesAGivenOne()
    {
        var saved = await SaveBearerAsync();
        var form = await Credentials.OpenAsync(saved.Id, default);

        var renamed = await Credentials.SaveAsync(new CredentialInput(saved.Id, BearerTokenCredential.Key, "Partner API (prod)", new Dictionary<string, string> { ["token"] = "", ["allowedHosts"] = "127.0.0.1" }, form!.UpdatedAt), TestActors.Admin, default);
        var kept = await Services.Get<CredentialProtector>().UnprotectAsyncFor(Services, saved.Id);
        var replaced = await Credentials.SaveAsync(new CredentialInput(saved.Id, BearerTokenCredential.Key, "Partner API (prod)", new Dictionary<string, string> { ["token"] = "new-token-99", ["allowedHosts"] = "127.0.0.1" }, renamed.Saved!.UpdatedAt), TestActors.Admin, default);
        var now = await Services.Get<CredentialProtector>().UnprotectAsyncFor(Services, saved.Id);
        var stale = await Credentials.SaveAsync(new CredentialInput(saved.Id, BearerTokenCredential.Key, "Old tab", new Dictionary<string, string> { ["allowedHosts"] = "127.0.0.1" }, form.UpdatedAt), TestActors.Admin, default);

        Assert.True(replaced.Succeeded);
        Assert.Equal(Token, kept["token"]);
        Assert.Equal("new-token-99", now["token"]);
        Assert.False(stale.Succeeded);
        Assert.Contains("was changed by admin", stale.Problems[""]);
    }

    [Fact]
    public async Task Save_RefusesAMissingRequiredField_AndATakenName()
    {
        await SaveBearerAsync();

        var missing = await Credentials.SaveAsync(new CredentialInput(null, BearerTokenCredential.Key, "Other", new Dictionary<string, string>()), TestActors.Admin, default);
        var taken = await Credentials.SaveAsync(new CredentialInput(null, BearerTokenCredential.Key, "partner api", new Dictionary<string, string> { ["token"] = "x-token", ["allowedHosts"] = "127.0.0.1" }), TestActors.Admin, default);

        Assert.Equal("'Token' is required.", missing.Problems["token"]);
        Assert.Contains("exists already", taken.Problems["name"]);
        Assert.Single(await Credentials.ListAsync(default));
    }

    [Fact]
    public async Task Delete_IsRefused_WhileAPublishedWorkflowUsesIt_NamingTheWorkflow()
    {
        var saved = await SaveBearerAsync();
        var workflowId = await Driver.PublishAsync(EchoWorkflow(saved.Id));

        var refused = await Credentials.DeleteAsync(saved.Id, TestActors.Admin, default);
        await Services.Get<PublishService>().DeactivateAsync(workflowId, TestActors.Admin, default);
        var allowed = await Credentials.DeleteAsync(saved.Id, TestActors.Admin, default);

        Assert.Equal(["Call partner"], refused);
        Assert.Empty(allowed);
        Assert.Empty(await Credentials.ListAsync(default));
    }

    [Fact]
    public async Task Publish_IsRefused_WhenANodesCredentialIsGoneOrOfTheWrongType()
    {
        var salesforce = await Credentials.SaveAsync(new CredentialInput(null, SalesforceCredential.Key, "CRM", new Dictionary<string, string>
        {
            ["clientId"] = "k", ["clientSecret"] = "s3cret-value",
        }), TestActors.Admin, default);
        var imported = await Services.Get<WorkflowService>().ImportAsync(EchoWorkflow(salesforce.Saved!.Id), TestActors.Ann, default);
        var gone = await Services.Get<WorkflowService>().ImportAsync(EchoWorkflow(Guid.NewGuid()).Replace("\"partner\"", "\"partner-2\""), TestActors.Ann, default);

        var wrongType = await Services.Get<PublishService>().PublishAsync(imported.Workflow!.Id, null, TestActors.Ann, default);
        var missing = await Services.Get<PublishService>().PublishAsync(gone.Workflow!.Id, null, TestActors.Ann, default);

        Assert.Equal("'Call partner' cannot sign in with 'CRM' (Salesforce). Choose another in its settings.", Assert.Single(wrongType.Issues).Message);
        Assert.Equal("unknown-credential", Assert.Single(missing.Issues).Code);
    }

    [Fact]
    public async Task ASecretTheVendorEchoes_IsMaskedInTheStepRow()
    {
        Sink.On("/echo", async (context, _) =>
        {
            context.Response.StatusCode = 400;
            await context.Response.WriteAsync($"bad request with header {context.Request.Headers.Authorization}");
        });
        var saved = await SaveBearerAsync();
        await Driver.PublishAsync(EchoWorkflow(saved.Id));

        var response = await Driver.PostAsync("partner", new { });
        var run = await Driver.WaitForRunAsync(Testing.EngineDriver.RunIdOf(response));

        var call = run.Steps.Single(s => s.NodeId == "call");
        Assert.Equal(StepStatus.Failed, call.Status);
        Assert.Contains("bad request with header Bearer [redacted]", call.Error);
        Assert.DoesNotContain(Token, call.Error);
        Assert.DoesNotContain(Token, response.Body.GetRawText());
    }

    [Fact]
    public async Task ACredentialThatCannotBeDecrypted_SaysSoInTheListTheFormAndTheFailingStep()
    {
        var saved = await SaveBearerAsync();
        await Driver.PublishAsync(EchoWorkflow(saved.Id));
        await using (var db = Services.OpenDatabase())
        {
            var foreign = DataProtectionProvider.Create("another installation").CreateProtector("FlowDesigner.Credentials.v1").Protect("{}");
            await db.Credentials.ExecuteUpdateAsync(set => set.SetProperty(c => c.ProtectedData, foreign));
        }

        Services.Get<CredentialResolver>().Forget(saved.Id);
        var listed = Assert.Single(await Credentials.ListAsync(default));
        var form = await Credentials.OpenAsync(saved.Id, default);
        var test = await Credentials.TestAsync(saved.Id, TestActors.Admin, default);
        var run = await Driver.WaitForRunAsync(Testing.EngineDriver.RunIdOf(await Driver.PostAsync("partner", new { })));
        var keepingSecret = await Credentials.SaveAsync(new CredentialInput(saved.Id, BearerTokenCredential.Key, "Partner API", new Dictionary<string, string>(), form!.UpdatedAt), TestActors.Admin, default);

        Assert.False(listed.Readable);
        Assert.Contains("cannot be decrypted", form.Problem);
        Assert.False(test.Succeeded);
        Assert.Contains("cannot be decrypted", test.Message);
        Assert.Equal(RunStatus.Failed, run.Run.Status);
        Assert.Contains("'Call partner': The credential 'Partner API' cannot be decrypted", run.Steps.Single(s => s.NodeId == "call").Error);
        Assert.Contains("cannot be decrypted any more. Enter it again.", keepingSecret.Problems["token"]);
    }

    [Fact]
    public async Task Test_SignsInToTheVendor_AndRecordsTheOutcome()
    {
        await using var salesforce = await FakeSalesforce.StartNewAsync();
        var saved = await Credentials.SaveAsync(new CredentialInput(null, SalesforceCredential.Key, "CRM", new Dictionary<string, string>
        {
            ["loginUrl"] = salesforce.Url("/"),
            ["clientId"] = FakeSalesforce.ClientId,
            ["clientSecret"] = "not-the-secret",
        }), TestActors.Admin, default);

        var failed = await Credentials.TestAsync(saved.Saved!.Id, TestActors.Admin, default);
        var form = await Credentials.OpenAsync(saved.Saved.Id, default);
        await Credentials.SaveAsync(new CredentialInput(saved.Saved.Id, SalesforceCredential.Key, "CRM", new Dictionary<string, string>
        {
            ["loginUrl"] = salesforce.Url("/"),
            ["clientId"] = FakeSalesforce.ClientId,
            ["clientSecret"] = FakeSalesforce.ClientSecret,
        }, form!.UpdatedAt), TestActors.Admin, default);
        var passed = await Credentials.TestAsync(saved.Saved.Id, TestActors.Admin, default);
        var listed = Assert.Single(await Credentials.ListAsync(default));

        Assert.False(failed.Succeeded);
        Assert.Contains("invalid_client_id", failed.Message);
        Assert.DoesNotContain("not-the-secret", failed.Message);
        Assert.True(passed.Succeeded, passed.Message);
        Assert.True(listed.LastTest!.Succeeded);
        Assert.NotNull(listed.LastTestedAt);
    }
}

/// <summary>Reads a stored credential's fields as the engine would, to check what was saved.</summary>
internal static class StoredFields
{
    public static async Task<Dictionary<string, string>> UnprotectAsyncFor(this CredentialProtector protector, Testing.TestServices services, Guid id) =>
        protector.Unprotect((await services.Get<Model.Credentials.ICredentialStore>().FindAsync(id, default))!);
}
