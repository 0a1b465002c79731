using FlowDesigner.Engine.Triggers;
using System.Text;
using FlowDesigner.Model.Definitions;
using FlowDesigner.Model.Descriptors;
using FlowDesigner.Model.Stores;
using FlowDesigner.Model.Validation;
using FlowDesigner.Model.Users;

namespace FlowDesigner.Engine.Workflows;

/// <summary>
/// What the workflow pages and the API may do with workflows: list, create, rename, duplicate, delete, import,
/// export and save drafts. Every change names the acting user, for the audit log and, later, role checks.
/// </summary>
public sealed class WorkflowService(IWorkflowStore store, NodeCatalog catalog, GraphValidator validator, ActiveTriggerCache triggers)
{
    /// <summary>The largest workflow file accepted for import, in characters.</summary>
    public const int MaxImportLength = 5 * 1024 * 1024;

    public const int MaxNameLength = 200;

    public Task<PagedResult<WorkflowSummary>> ListAsync(WorkflowQuery query, CancellationToken cancellationToken) =>
        store.ListAsync(query, cancellationToken);

    public Task<WorkflowRecord?> FindAsync(Guid id, CancellationToken cancellationToken) => store.FindAsync(id, cancellationToken);

    public Task<WorkflowRecord> CreateAsync(string name, Actor actor, CancellationToken cancellationToken) =>
        store.CreateAsync(Draft(WorkflowDefinition.Empty(CheckName(name))), actor, "created", cancellationToken);

    public async Task<WorkflowRecord> RenameAsync(Guid id, string name, Actor actor, CancellationToken cancellationToken)
    {
        var current = await store.FindAsync(id, cancellationToken) ?? throw new WorkflowNotFoundException(id);
        var renamed = current.Definition with { Name = CheckName(name) };
        return await store.SaveDraftAsync(id, Draft(renamed), current.Revision, actor, "renamed", cancellationToken);
    }

    public async Task<WorkflowRecord> DuplicateAsync(Guid id, Actor actor, CancellationToken cancellationToken)
    {
        var original = await store.FindAsync(id, cancellationToken) ?? throw new WorkflowNotFoundException(id);
        var copyName = Truncate($"{original.Name} (copy)");
        return await store.CreateAsync(Draft(original.Definition with { Name = copyName }), actor, "duplicated", cancellationToken);
    }

    public Task<WorkflowDeletionImpact?> GetDeletionImpactAsync(Guid id, CancellationToken cancellationToken) =>
        store.GetDeletionImpactAsync(id, cancellationToken);

    public async Task DeleteAsync(Guid id, Actor actor, CancellationToken cancellationToken)
    {
        await store.DeleteAsync(id, actor, cancellationToken);
        triggers.Clear();
    }

    /// <summary>Pins the sample payload of the designer's test runs; it must be JSON of at most 1 MB.</summary>
    /// <exception cref="ArgumentException">The payload is too large or not JSON; the message says which.</exception>
    public Task SetSamplePayloadAsync(Guid id, string payloadJson, CancellationToken cancellationToken)
    {
        if (payloadJson.Length > 1024 * 1024)
        {
            throw new ArgumentException("The sample payload is larger than 1 MB; keep a smaller example.", nameof(payloadJson));
        }

        try
        {
            using var parsed = System.Text.Json.JsonDocument.Parse(payloadJson);
        }
        catch (System.Text.Json.JsonException exception)
        {
            throw new ArgumentException($"The sample payload is not valid JSON: {exception.Message}", nameof(payloadJson), exception);
        }

        return store.SetSamplePayloadAsync(id, payloadJson, cancellationToken);
    }

    public async Task<WorkflowExport> ExportAsync(Guid id, CancellationToken cancellationToken)
    {
        var workflow = await store.FindAsync(id, cancellationToken) ?? throw new WorkflowNotFoundException(id);
        return new WorkflowExport(FileNameFor(workflow.Name), WorkflowDefinitionJson.Serialize(workflow.Definition, indented: true));
    }

    /// <summary>Reads a workflow file and stores it as a new draft; a file with any problem changes nothing.</summary>
    public async Task<ImportResult> ImportAsync(string json, Actor actor, CancellationToken cancellationToken)
    {
        if (json.Length > MaxImportLength)
        {
            return ImportResult.Refused([$"The file is {json.Length / 1024 / 1024.0:0.0} MB; a workflow file may be at most {MaxImportLength / 1024 / 1024} MB."]);
        }

        var parsed = WorkflowDefinitionJson.Parse(json);
        if (!parsed.Succeeded)
        {
            return ImportResult.Refused(parsed.Problems.Select(p => p.ToString()).ToList());
        }

        if (parsed.Definition.Name.Length > MaxNameLength)
        {
            return ImportResult.Refused([$"name: the workflow's name is {parsed.Definition.Name.Length} characters long; at most {MaxNameLength} are allowed."]);
        }

        var issues = validator.Validate(parsed.Definition);
        var blocking = issues.Where(i => i.Kind == IssueKind.Structure).ToList();
        if (blocking.Count > 0)
        {
            return ImportResult.Refused(blocking.Select(Describe).ToList());
        }

        var workflow = await store.CreateAsync(Draft(parsed.Definition), actor, "imported", cancellationToken);
        return ImportResult.Imported(workflow, issues);
    }

    /// <summary>Creates a draft of each workflow of the template, laid out left to right; their credentials are left to pick.</summary>
    /// <returns>The drafts, in the template's order (the one to open first first); none for an unknown template.</returns>
    public async Task<IReadOnlyList<WorkflowRecord>> CreateFromTemplateAsync(string key, Actor actor, CancellationToken cancellationToken)
    {
        if (Templates.WorkflowTemplates.Find(key) is not { } template)
        {
            return [];
        }

        var created = new List<WorkflowRecord>();
        foreach (var json in template.Workflows)
        {
            var definition = WorkflowDefinitionJson.Parse(json).Definition
                ?? throw new InvalidOperationException($"The template {template.Key} holds a workflow that does not parse.");
            var laidOut = Model.Editing.AutoLayout.Tidy(definition, new Position(80, 80));
            created.Add(await store.CreateAsync(Draft(laidOut), actor, $"created from the template {template.Name}", cancellationToken));
        }

        return created;
    }

    /// <summary>Saves the designer's draft unless its graph is broken; an unfinished graph is saved with its issues.</summary>
    /// <exception cref="WorkflowConflictException">Someone else saved the draft since <paramref name="expectedRevision"/>.</exception>
    public async Task<DraftSaveResult> SaveDraftAsync(
        Guid id, WorkflowDefinition definition, string expectedRevision, Actor actor, CancellationToken cancellationToken)
    {
        var issues = validator.Validate(definition with { Name = CheckName(definition.Name) });
        if (issues.Any(i => i.Kind == IssueKind.Structure))
        {
            return new DraftSaveResult(null, issues);
        }

        var saved = await store.SaveDraftAsync(id, Draft(definition), expectedRevision, actor, "saved", cancellationToken);
        return new DraftSaveResult(saved, issues);
    }

    private WorkflowDraft Draft(WorkflowDefinition definition)
    {
        foreach (var node in definition.Nodes)
        {
            if (catalog.FindNodeType(node.Type) is { Kind: NodeKind.Trigger } trigger)
            {
                return new WorkflowDraft(definition, trigger.Key, trigger.Summarize?.Invoke(node) ?? trigger.DisplayName);
            }
        }

        return new WorkflowDraft(definition, null, null);
    }

    private static string Describe(ValidationIssue issue) =>
        issue.NodeId is null ? issue.Message : $"Node {issue.NodeId}: {issue.Message}";

    private static string CheckName(string name)
    {
        var trimmed = name.Trim();
        if (trimmed.Length == 0)
        {
            throw new ArgumentException("A workflow needs a name.", nameof(name));
        }

        return trimmed.Length <= MaxNameLength
            ? trimmed
            : throw new ArgumentException($"A workflow's name may be at most {MaxNameLength} characters long.", nameof(name));
    }

    private static string Truncate(string name) => name.Length <= MaxNameLength ? name : name[..MaxNameLength];

    private static string FileNameFor(string name)
    {
        var slug = new StringBuilder();
        foreach (var c in name.ToLowerInvariant())
        {
            slug.Append(char.IsAsciiLetterOrDigit(c) ? c : '-');
        }

        var collapsed = string.Join('-', slug.ToString().Split('-', StringSplitOptions.RemoveEmptyEntries));
        return (collapsed.Length == 0 ? "workflow" : collapsed) + ".flow.json";
    }
}
