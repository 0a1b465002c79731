using FlowDesigner.Connectors.Http;
using FlowDesigner.Engine.Credentials;
using FlowDesigner.Engine.Workflows;
using FlowDesigner.Model.Credentials;
using FlowDesigner.Model.Validation;
using FlowDesigner.Model.Webhooks;
using FlowDesigner.Testing;

namespace FlowDesigner.Engine.Tests;

/// <summary>Publishing warns about what is worth a look, names it, and goes on.</summary>
public sealed class PublishWarningsTests : EngineTestBase
{
    private PublishService Publisher => Services.Get<PublishService>();

    [Fact]
    public async Task OnEventTrigger_ForANameNobodyEmits_IsPublishedWithAWarning_AndTheEmittedNamesAreOffered()
    {
        var listener = await Driver.PublishAsync(Listener("order.created"));

        var warning = Assert.Single(await Publisher.FindWarningsAsync(listener, default));
        Assert.Equal(("event-not-emitted", IssueKind.Warning, "on"), (warning.Code, warning.Kind, warning.NodeId));
        Assert.Contains("No published workflow emits 'order.created'", warning.Message);

        await Driver.PublishAsync("""
            { "schema": 1, "name": "Emitter", "nodes": [
              { "id": "hook", "type": "core.webhook", "name": "Hook", "config": { "path": "emit" } },
              { "id": "emit", "type": "core.emit-event", "name": "Emit", "config": { "eventName": "order.created" } } ],
              "edges": [ { "from": "hook", "port": "out", "to": "emit" } ] }
            """);

        Assert.Empty(await Publisher.FindWarningsAsync(listener, default));
        Assert.Equal(["order.created"], await Publisher.EmittedEventNamesAsync(default));
    }

    [Fact]
    public async Task CredentialNeverTestedOrFailing_IsNamedInAWarning_AndPublishingGoesOn()
    {
        Sink.On("/check", (context, _) => { context.Response.StatusCode = 401; return Task.CompletedTask; });
        var saved = await Services.Get<CredentialService>().SaveAsync(
            new CredentialInput(null, BearerTokenCredential.Key, "Partner API", new Dictionary<string, string> { ["token"] = "t-1", ["allowedHosts"] = "127.0.0.1", ["testUrl"] = Sink.Url("check") }), TestActors.Admin, default);
        var id = saved.Saved!.Id;
        var url = Sink.Url("x");
        var workflowId = await Driver.PublishAsync($$"""
            { "schema": 1, "name": "Partner", "nodes": [
              { "id": "hook", "type": "core.manual", "name": "Hook", "config": {} },
              { "id": "call", "type": "http.request", "name": "Call partner", "credential": "{{id}}", "config": { "method": "GET", "url": "{{url}}" } } ],
              "edges": [ { "from": "hook", "port": "out", "to": "call" } ] }
            """);

        var untested = Assert.Single(await Publisher.FindWarningsAsync(workflowId, default));
        Assert.Equal("credential-untested", untested.Code);
        Assert.Contains("'Partner API' (used by 'Call partner') has never been tested", untested.Message);

        var outcome = await Services.Get<CredentialService>().TestAsync(id, TestActors.Admin, default);
        Assert.False(outcome.Succeeded);
        var published = await Publisher.PublishAsync(workflowId, null, TestActors.Analyst, default);

        Assert.True(published.Published);
        var failing = Assert.Single(published.Warnings);
        Assert.Equal("credential-failing", failing.Code);
        Assert.Contains("'Partner API' (used by 'Call partner') failed its last connection test", failing.Message);
    }

    [Fact]
    public async Task AWebhookAnyoneMayCall_IsNamedInAWarning_AndASignedOneIsNot()
    {
        var secret = await Services.Get<CredentialService>().SaveAsync(
            new CredentialInput(null, WebhookProtection.SecretCredentialType, "Shop signing secret", new Dictionary<string, string> { ["secret"] = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw" }),
            TestActors.Admin, default);
        var open = await Driver.PublishAsync(Hook("open-hook", "none", null));
        var signed = await Driver.PublishAsync(Hook("signed-hook", WebhookProtection.StandardWebhooks, secret.Saved!.Id));

        var warning = Assert.Single(await Publisher.FindWarningsAsync(open, default));
        Assert.Equal(("webhook-unprotected", "protection"), (warning.Code, warning.Property));
        Assert.Contains("starts a run for anyone who knows its URL", warning.Message);
        Assert.Empty(await Publisher.FindWarningsAsync(signed, default));
    }

    private static string Hook(string path, string protection, Guid? credential) => $$"""
        { "schema": 1, "name": "{{path}}", "nodes": [
          { "id": "hook", "type": "core.webhook", "name": "Order placed", "credential": {{System.Text.Json.JsonSerializer.Serialize(credential?.ToString())}},
            "config": { "path": "{{path}}", "protection": "{{protection}}" } },
          { "id": "set", "type": "core.set", "name": "Note", "config": { "fields": { "seen": true } } } ],
          "edges": [ { "from": "hook", "port": "out", "to": "set" } ] }
        """;

    private static string Listener(string eventName) => $$"""
        { "schema": 1, "name": "Listener", "nodes": [
          { "id": "on", "type": "core.on-event", "name": "On order", "config": { "eventName": "{{eventName}}" } },
          { "id": "set", "type": "core.set", "name": "Note", "config": { "fields": { "seen": true } } } ],
          "edges": [ { "from": "on", "port": "out", "to": "set" } ] }
        """;
}
