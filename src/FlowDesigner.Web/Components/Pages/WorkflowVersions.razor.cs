using FlowDesigner.Engine.Workflows;
using FlowDesigner.Model.Descriptors;
using FlowDesigner.Model.Stores;
using FlowDesigner.Model.Users;
using FlowDesigner.Web.Security;
using Microsoft.AspNetCore.Components;

namespace FlowDesigner.Web.Components.Pages;

/// <summary>A workflow's published versions, read-only: what Operators see of a workflow's history; Designers edit it in the designer.</summary>
public partial class WorkflowVersions
{
    private WorkflowRecord? _workflow;
    private IReadOnlyList<VersionRecord> _versions = [];
    private Guid? _activeId;
    private bool _missing;
    private bool _mayDesign;

    /// <summary>The workflow's id, from the address. Required.</summary>
    [Parameter]
    public Guid Id { get; set; }

    [Inject]
    private WorkflowService Workflows { get; set; } = default!;

    [Inject]
    private PublishService Publisher { get; set; } = default!;

    [Inject]
    private NodeCatalog Catalog { get; set; } = default!;

    [Inject]
    private CurrentUser User { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        _mayDesign = await User.MayAsync(Role.Designer);
        _workflow = await Workflows.FindAsync(Id, CancellationToken.None);
        _missing = _workflow is null;
        _versions = _missing ? [] : await Publisher.ListVersionsAsync(Id, CancellationToken.None);
        _activeId = _missing ? null : (await Publisher.FindActiveAsync(Id, CancellationToken.None))?.Id;
    }

    private static string NextSteps(VersionRecord version, string nodeId)
    {
        var next = version.Definition.Edges.Where(e => e.From == nodeId)
            .Select(e => (Port: e.Port, Name: version.Definition.Nodes.FirstOrDefault(n => n.Id == e.To)?.Name ?? e.To))
            .Select(e => e.Port == "out" ? e.Name : $"{e.Name} ({e.Port})")
            .ToList();
        return next.Count == 0 ? "-" : string.Join(", ", next);
    }
}
