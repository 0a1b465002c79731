using System.Text.Json;
using FlowDesigner.Engine.Credentials;
using FlowDesigner.Model.Definitions;
using FlowDesigner.Model.Descriptors;
using FlowDesigner.Model.Execution;
using FlowDesigner.Model.Polling;

namespace FlowDesigner.Engine.Triggers;

/// <summary>
/// Fetches a real example of what a polling trigger delivers (the newest order in the shop), so that a test run of
/// the draft can start from real data rather than a hand-written payload.
/// </summary>
public sealed class TriggerSamples(IEnumerable<ITriggerPoller> pollers, CredentialResolver credentials, NodeCatalog catalog)
{
    private readonly Dictionary<string, ITriggerPoller> _pollers = pollers.ToDictionary(p => p.NodeType, StringComparer.Ordinal);

    /// <summary>Whether the draft's trigger can fetch an example.</summary>
    public bool CanFetch(WorkflowDefinition draft) => Trigger(draft) is not null;

    /// <summary>The example as indented JSON, or what stopped it from being fetched.</summary>
    public async Task<(string? Json, string? Problem)> FetchAsync(WorkflowDefinition draft, CancellationToken cancellationToken)
    {
        if (Trigger(draft) is not var (node, poller))
        {
            return (null, "This workflow's trigger cannot fetch an example: write the payload by hand.");
        }

        try
        {
            var credential = await credentials.ResolveAsync(node.Credential, catalog.FindNodeType(node.Type)!, node.Name, cancellationToken);
            var latest = await poller.LatestAsync(new PollContext(Guid.Empty, node.Name, node.Config, credential, null), cancellationToken);
            return latest is { } found
                ? (JsonSerializer.Serialize(found, Indented), null)
                : (null, $"'{node.Name}' found nothing to use as an example yet.");
        }
        catch (StepFailedException exception)
        {
            return (null, SecretRedactor.Redact(exception.Message, credentials.TryGetCached(node.Credential)?.SecretValues ?? []));
        }
    }

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private (NodeDefinition Node, ITriggerPoller Poller)? Trigger(WorkflowDefinition draft) =>
        draft.Nodes.Select(n => _pollers.TryGetValue(n.Type, out var poller) ? (n, poller) : ((NodeDefinition, ITriggerPoller)?)null).FirstOrDefault(t => t is not null);
}
