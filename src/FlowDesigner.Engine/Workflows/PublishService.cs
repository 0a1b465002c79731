using FlowDesigner.Engine.Triggers;
using FlowDesigner.Model.Credentials;
using FlowDesigner.Model.Definitions;
using FlowDesigner.Model.Descriptors;
using FlowDesigner.Model.Stores;
using FlowDesigner.Model.Users;
using FlowDesigner.Model.Validation;

namespace FlowDesigner.Engine.Workflows;

/// <summary>
/// Publishes a workflow's draft as an immutable numbered version, makes it active and (re)registers its trigger.
/// Runs in flight keep the version they started on.
/// </summary>
public sealed class PublishService(
    IWorkflowStore workflows, IVersionStore versions, NodeCatalog catalog, GraphValidator validator, ScheduleRegistry schedules, ActiveTriggerCache triggers,
    ICredentialStore credentials, PublishWarnings warnings)
{
    public async Task<PublishResult> PublishAsync(Guid workflowId, string? note, Actor actor, CancellationToken cancellationToken)
    {
        var workflow = await workflows.FindAsync(workflowId, cancellationToken) ?? throw new WorkflowNotFoundException(workflowId);
        var issues = validator.Validate(workflow.Definition).ToList();
        var trigger = workflow.Definition.Nodes.FirstOrDefault(n => catalog.FindNodeType(n.Type)?.Kind == NodeKind.Trigger);
        var key = trigger is null ? null : TriggerKey(trigger);
        if (trigger?.Type == CoreNodeTypes.Webhook && key is not null)
        {
            var taken = (await versions.FindActiveTriggersAsync(CoreNodeTypes.Webhook, key, cancellationToken)).FirstOrDefault(t => t.WorkflowId != workflowId);
            if (taken is not null)
            {
                var other = await workflows.FindAsync(taken.WorkflowId, cancellationToken);
                issues.Add(new ValidationIssue("webhook-taken",
                    $"{key.Replace(" ", " /hooks/")} is already the trigger of the published workflow '{other?.Name}'. Choose another path.",
                    IssueKind.Incomplete) { NodeId = trigger.Id, Property = "path" });
            }
        }

        issues.AddRange(await CheckCredentialsAsync(workflow.Definition, cancellationToken));
        if (issues.Count > 0)
        {
            return new PublishResult(null, issues);
        }

        var worthALook = await warnings.FindAsync(workflow.Definition, cancellationToken);
        var version = await versions.PublishAsync(workflowId, workflow.Definition, trigger?.Type, key, note, actor, cancellationToken);
        triggers.Clear();
        schedules.Register(version);
        return new PublishResult(version, []) { Warnings = worthALook };
    }

    /// <summary>What publishing the saved draft would warn about (see <see cref="PublishWarnings"/>), to ask before going on.</summary>
    /// <exception cref="WorkflowNotFoundException">The workflow was deleted.</exception>
    public async Task<IReadOnlyList<ValidationIssue>> FindWarningsAsync(Guid workflowId, CancellationToken cancellationToken)
    {
        var workflow = await workflows.FindAsync(workflowId, cancellationToken) ?? throw new WorkflowNotFoundException(workflowId);
        return await warnings.FindAsync(workflow.Definition, cancellationToken);
    }

    /// <summary>The names of the events published workflows emit, for an On event trigger to listen to.</summary>
    public Task<IReadOnlyList<string>> EmittedEventNamesAsync(CancellationToken cancellationToken) => warnings.EmittedEventNamesAsync(cancellationToken);

    public async Task<bool> DeactivateAsync(Guid workflowId, Actor actor, CancellationToken cancellationToken)
    {
        schedules.Unregister(workflowId);
        var deactivated = await versions.DeactivateAsync(workflowId, actor, cancellationToken);
        triggers.Clear();
        return deactivated;
    }

    /// <summary>Makes the newest version active again after a deactivation; refused, with the reason, when its webhook path is taken.</summary>
    /// <exception cref="WorkflowNotFoundException">The workflow was deleted, or never published.</exception>
    public async Task<PublishResult> ActivateLatestAsync(Guid workflowId, Actor actor, CancellationToken cancellationToken)
    {
        var latest = (await versions.ListAsync(workflowId, cancellationToken)).FirstOrDefault() ?? throw new WorkflowNotFoundException(workflowId);
        return await ActivateAsync(workflowId, latest.Id, actor, cancellationToken);
    }

    public Task<VersionRecord?> FindActiveAsync(Guid workflowId, CancellationToken cancellationToken) =>
        versions.FindActiveAsync(workflowId, cancellationToken);

    public Task<IReadOnlyList<VersionRecord>> ListVersionsAsync(Guid workflowId, CancellationToken cancellationToken) =>
        versions.ListAsync(workflowId, cancellationToken);

    /// <summary>
    /// Rolls back (or forward) to a stored version: it becomes the active one and its trigger listens again; the draft
    /// is left as it is. Refused, with the reason, when its webhook path is now another workflow's.
    /// </summary>
    public async Task<PublishResult> ActivateAsync(Guid workflowId, Guid versionId, Actor actor, CancellationToken cancellationToken)
    {
        var version = await versions.FindAsync(versionId, cancellationToken);
        if (version is null || version.WorkflowId != workflowId)
        {
            throw new WorkflowNotFoundException(workflowId);
        }

        if (version.TriggerType == CoreNodeTypes.Webhook && version.TriggerKey is { } key
            && (await versions.FindActiveTriggersAsync(CoreNodeTypes.Webhook, key, cancellationToken)).FirstOrDefault(t => t.WorkflowId != workflowId) is { } taken)
        {
            var other = await workflows.FindAsync(taken.WorkflowId, cancellationToken);
            return new PublishResult(null, [new ValidationIssue("webhook-taken",
                $"{key.Replace(" ", " /hooks/")} is now the trigger of the published workflow '{other?.Name}', so v{version.Number} cannot listen there.",
                IssueKind.Incomplete)]);
        }

        await versions.ActivateAsync(workflowId, versionId, actor, cancellationToken);
        triggers.Clear();
        schedules.Register(version);
        return new PublishResult(version, []);
    }

    /// <summary>Every chosen credential must still exist and be of a type the node signs in with.</summary>
    private async Task<IEnumerable<ValidationIssue>> CheckCredentialsAsync(WorkflowDefinition definition, CancellationToken cancellationToken)
    {
        var issues = new List<ValidationIssue>();
        foreach (var node in definition.Nodes.Where(n => !string.IsNullOrWhiteSpace(n.Credential)))
        {
            var stored = Guid.TryParse(node.Credential, out var id) ? await credentials.FindAsync(id, cancellationToken) : null;
            var allowed = catalog.FindNodeType(node.Type)?.CredentialTypes ?? [];
            if (stored is null)
            {
                issues.Add(new ValidationIssue("unknown-credential",
                    $"'{node.Name}' signs in with a credential that no longer exists. Choose another in its settings.", IssueKind.Incomplete)
                { NodeId = node.Id, Property = "credential" });
            }
            else if (!allowed.Contains(stored.Type))
            {
                issues.Add(new ValidationIssue("wrong-credential",
                    $"'{node.Name}' cannot sign in with '{stored.Name}' ({catalog.FindCredentialType(stored.Type)?.DisplayName ?? stored.Type}). Choose another in its settings.",
                    IssueKind.Incomplete)
                { NodeId = node.Id, Property = "credential" });
            }
        }

        return issues;
    }

    /// <summary>What the trigger listens to: <c>POST orders</c>, an event name, a cron expression.</summary>
    public static string? TriggerKey(NodeDefinition trigger) => trigger.Type switch
    {
        CoreNodeTypes.Webhook => WebhookKey(PropertyValues.AsText(trigger.GetConfig("method")), PropertyValues.AsText(trigger.GetConfig("path"))),
        CoreNodeTypes.OnEvent => PropertyValues.AsText(trigger.GetConfig("eventName")),
        CoreNodeTypes.Schedule => PropertyValues.AsText(trigger.GetConfig("cron")),
        _ => null,
    };

    public static string WebhookKey(string method, string path) =>
        $"{(method.Length == 0 ? "POST" : method.ToUpperInvariant())} {path.Trim().Trim('/').ToLowerInvariant()}";
}
