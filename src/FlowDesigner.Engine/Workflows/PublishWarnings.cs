using FlowDesigner.Model.Descriptors;
using FlowDesigner.Model.Credentials;
using FlowDesigner.Model.Definitions;
using FlowDesigner.Model.Stores;
using FlowDesigner.Model.Validation;
using FlowDesigner.Model.Webhooks;

namespace FlowDesigner.Engine.Workflows;

/// <summary>
/// What is worth a look before a workflow goes live, though it need not stop it: a credential whose last connection
/// test failed or that was never tested, a webhook anyone may call, and an On event trigger listening for a name no
/// published workflow emits.
/// </summary>
public sealed class PublishWarnings(IVersionStore versions, ICredentialStore credentials, IEnumerable<ICredentialTester> testers)
{
    private readonly HashSet<string> _testable = [.. testers.SelectMany(t => t.CredentialTypes)];

    public async Task<IReadOnlyList<ValidationIssue>> FindAsync(WorkflowDefinition definition, CancellationToken cancellationToken)
    {
        var warnings = new List<ValidationIssue>();
        await AddCredentialWarningsAsync(definition, warnings, cancellationToken);
        AddOpenWebhookWarning(definition, warnings);
        var listener = definition.Nodes.FirstOrDefault(n => n.Type == CoreNodeTypes.OnEvent);
        if (listener is not null && PropertyValues.AsText(listener.GetConfig("eventName")).Trim() is { Length: > 0 } name)
        {
            var emitted = await EmittedEventNamesAsync(cancellationToken);
            var emittedHere = definition.Nodes.Any(n => n.Type == CoreNodeTypes.EmitEvent && EventNameOf(n) == name);
            if (!emitted.Contains(name) && !emittedHere)
            {
                warnings.Add(new ValidationIssue("event-not-emitted",
                    $"No published workflow emits '{name}', so '{listener.Name}' will not start until one does. Check the name, or publish the workflow that emits it.",
                    IssueKind.Warning) { NodeId = listener.Id, Property = "eventName" });
            }
        }

        return warnings;
    }

    /// <summary>The names the Emit event nodes of the published workflows' active versions send, sorted.</summary>
    public async Task<IReadOnlyList<string>> EmittedEventNamesAsync(CancellationToken cancellationToken) =>
        (await versions.ListActiveAsync(cancellationToken))
            .SelectMany(v => v.Definition.Nodes)
            .Where(n => n.Type == CoreNodeTypes.EmitEvent)
            .Select(EventNameOf)
            .Where(name => name.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>A webhook that takes requests from anyone who has its URL (n8n's and Zapier's default too, but worth saying).</summary>
    private static void AddOpenWebhookWarning(WorkflowDefinition definition, List<ValidationIssue> warnings)
    {
        var hook = definition.Nodes.FirstOrDefault(n => n.Type == CoreNodeTypes.Webhook);
        if (hook is not null && PropertyValues.AsText(hook.GetConfig("protection")) is "" or WebhookProtection.None)
        {
            warnings.Add(new ValidationIssue("webhook-unprotected",
                $"'{hook.Name}' starts a run for anyone who knows its URL. Under 'Accept requests', choose the signature its sender uses or an API key, or publish anyway.",
                IssueKind.Warning) { NodeId = hook.Id, Property = "protection" });
        }
    }

    private static string EventNameOf(NodeDefinition node) => PropertyValues.AsText(node.GetConfig("eventName")).Trim();

    private async Task AddCredentialWarningsAsync(WorkflowDefinition definition, List<ValidationIssue> warnings, CancellationToken cancellationToken)
    {
        var users = definition.Nodes
            .Where(n => Guid.TryParse(n.Credential, out _))
            .GroupBy(n => Guid.Parse(n.Credential!));
        foreach (var group in users)
        {
            if (await credentials.FindAsync(group.Key, cancellationToken) is not { } credential)
            {
                continue; // a credential that is gone blocks publishing: PublishService says so
            }

            if (!_testable.Contains(credential.Type))
            {
                continue; // nothing to sign in to, such as a webhook's own secret
            }

            var nodes = string.Join(", ", group.Select(n => $"'{n.Name}'"));
            var message = credential.LastTest switch
            {
                null => $"The credential '{credential.Name}' (used by {nodes}) has never been tested. Test its connection on the Credentials page, or publish anyway.",
                { Succeeded: false } failed => $"The credential '{credential.Name}' (used by {nodes}) failed its last connection test: {failed.Message} Test it again on the Credentials page, or publish anyway.",
                _ => null,
            };
            if (message is not null)
            {
                warnings.Add(new ValidationIssue(credential.LastTest is null ? "credential-untested" : "credential-failing", message, IssueKind.Warning)
                {
                    NodeId = group.First().Id,
                    Property = "credential",
                });
            }
        }
    }
}
