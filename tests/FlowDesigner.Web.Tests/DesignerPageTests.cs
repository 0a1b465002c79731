using FlowDesigner.Model.Users;
using Blazor.Diagrams.Core.Geometry;
using Bunit;
using FlowDesigner.Engine.Expressions;
using FlowDesigner.Engine.Workflows;
using FlowDesigner.Model.Descriptors;
using FlowDesigner.Model.Validation;
using FlowDesigner.Testing;
using Blazor.Diagrams.Core.Anchors;
using Blazor.Diagrams.Core.Models;
using FlowDesigner.Web.Components.Designer;
using FlowDesigner.Web.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using DesignerPage = FlowDesigner.Web.Components.Pages.Designer;

namespace FlowDesigner.Web.Tests;

/// <summary>The designer page with the real services on a real SQLite file; the canvas's browser calls are answered here.</summary>
public sealed class DesignerPageTests : IAsyncLifetime
{
    private readonly BunitContext _context = new();
    private TestServices _services = default!;

    public async Task InitializeAsync()
    {
        _services = await TestServices.StartAsync();
        _context.JSInterop.Mode = JSRuntimeMode.Loose;
        _context.JSInterop.Setup<Rectangle>("ZBlazorDiagrams.getBoundingClientRect", _ => true).SetResult(new Rectangle(0, 0, 1000, 700));
        _context.Services.AddMudServices();
        foreach (var type in new[] { typeof(WorkflowService), typeof(PublishService), typeof(TestRunner), typeof(NodeCatalog), typeof(GraphValidator), typeof(ExpressionEvaluator), typeof(Engine.Credentials.CredentialService), typeof(Engine.Triggers.TriggerSamples), typeof(ManualRuns) })
        {
            _context.Services.AddSingleton(type, _services.Provider.GetRequiredService(type));
        }

        _context.Services.AddScoped<CurrentUser>();
        SignedIn.As(_context, Role.Designer);
        _context.Services.AddTransient<FlowDesigner.Web.Designing.DesignerState>();
        _context.Services.AddScoped<FlowDesigner.Web.Components.Workflows.WorkflowActions>();
        _context.Services.AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(Microsoft.Extensions.Logging.Abstractions.NullLogger<>));
        _context.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    public async Task DisposeAsync()
    {
        await _context.DisposeAsync();
        await _services.DisposeAsync();
    }

    [Fact]
    public async Task AddingANode_IsUndoneAndRedone_AndSoIsAutoLayout()
    {
        var imported = await _services.Get<WorkflowService>().ImportAsync(ReferenceOrder.Workflow(), TestActors.Ann, default);
        var page = _context.Render<DesignerPage>(p => p.Add(c => c.Id, imported.Workflow!.Id));
        page.WaitForAssertion(() => Assert.Equal(9, page.FindAll(".fd-node").Count));

        // Opened without positions, the workflow was laid out: undoing that puts every node back where it was.
        Assert.False(page.Find("#undo").HasAttribute("disabled"));
        page.Find(".fd-palette-item[data-type='core.delay']").Click();
        page.WaitForAssertion(() => Assert.Equal(10, page.FindAll(".fd-node").Count));
        Assert.Contains("Delay", page.Find(".fd-node[data-node=n1]").TextContent);

        page.Find("#undo").Click();
        page.WaitForAssertion(() => Assert.Equal(9, page.FindAll(".fd-node").Count));
        page.Find("#redo").Click();
        page.WaitForAssertion(() => Assert.Equal(10, page.FindAll(".fd-node").Count));
        Assert.Equal("Unsaved changes", page.Find("#save-state").TextContent.Trim());
    }

    [Fact]
    public async Task DeletingTheSelection_WithTheKey_IsUndoneAndRedoneWithTheKeys()
    {
        var imported = await _services.Get<WorkflowService>().ImportAsync(ReferenceOrder.Workflow(), TestActors.Ann, default);
        var page = _context.Render<DesignerPage>(p => p.Add(c => c.Id, imported.Workflow!.Id));
        page.WaitForAssertion(() => Assert.Equal(9, page.FindAll(".fd-node").Count));

        // A node added from the palette is selected.
        page.Find(".fd-palette-item[data-type='core.delay']").Click();
        page.WaitForAssertion(() => Assert.Equal(10, page.FindAll(".fd-node").Count));
        page.Find("#canvas").KeyDown(new Microsoft.AspNetCore.Components.Web.KeyboardEventArgs { Key = "Delete" });
        page.WaitForAssertion(() => Assert.Equal(9, page.FindAll(".fd-node").Count));

        page.Find("#canvas").KeyDown(new Microsoft.AspNetCore.Components.Web.KeyboardEventArgs { Key = "z", CtrlKey = true });
        page.WaitForAssertion(() => Assert.Equal(10, page.FindAll(".fd-node").Count));
        page.Find("#canvas").KeyDown(new Microsoft.AspNetCore.Components.Web.KeyboardEventArgs { Key = "Z", CtrlKey = true, ShiftKey = true });
        page.WaitForAssertion(() => Assert.Equal(9, page.FindAll(".fd-node").Count));
    }

    [Fact]
    public async Task MovingANode_AndDrawingALink_AreUndoneAndRedone()
    {
        var imported = await _services.Get<WorkflowService>().ImportAsync("""
            { "schema": 1, "name": "Two steps", "nodes": [
              { "id": "n1", "type": "core.webhook", "name": "Order placed", "config": { "path": "two" }, "position": { "x": 40, "y": 100 } },
              { "id": "n2", "type": "core.delay", "name": "Wait", "position": { "x": 340, "y": 100 } } ] }
            """, TestActors.Ann, default);
        var page = _context.Render<DesignerPage>(p => p.Add(c => c.Id, imported.Workflow!.Id));
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll(".fd-node").Count));
        var diagram = page.FindComponent<Blazor.Diagrams.Components.DiagramCanvas>().Instance.BlazorDiagram;
        FlowNodeModel Node(string id) => diagram.Nodes.OfType<FlowNodeModel>().Single(n => n.NodeId == id);

        // A drag through the canvas's own pointer handling: the node selected, then down on it, move, up.
        await page.InvokeAsync(() =>
        {
            diagram.SelectModel(Node("n2"), unselectOthers: true);
            diagram.TriggerPointerDown(Node("n2"), Pointer(400, 120));
            diagram.TriggerPointerMove(null, Pointer(500, 180));
            diagram.TriggerPointerUp(null, Pointer(500, 180));
        });
        page.WaitForAssertion(() => Assert.Equal(new Point(440, 160), Node("n2").Position));

        // A link as the canvas draws one: from an output port, then attached to an input port.
        await page.InvokeAsync(() =>
        {
            var output = Node("n1").Ports.OfType<FlowPortModel>().Single(p => p.PortName == "out");
            var input = Node("n2").Ports.OfType<FlowPortModel>().Single(p => p.IsInput);
            var link = new LinkModel(new SinglePortAnchor(output), new PositionAnchor(new Point(420, 170)));
            diagram.Links.Add(link);
            link.SetTarget(new SinglePortAnchor(input));
            link.TriggerTargetAttached();
        });
        page.WaitForAssertion(() => Assert.Single(diagram.Links));

        page.Find("#undo").Click();
        page.WaitForAssertion(() => Assert.Empty(diagram.Links));
        Assert.Equal(new Point(440, 160), Node("n2").Position);
        page.Find("#undo").Click();
        page.WaitForAssertion(() => Assert.Equal(new Point(340, 100), Node("n2").Position));
        page.Find("#redo").Click();
        page.WaitForAssertion(() => Assert.Equal(new Point(440, 160), Node("n2").Position));
        page.Find("#redo").Click();
        page.WaitForAssertion(() => Assert.Single(diagram.Links));
        var redrawn = diagram.Links.Single();
        Assert.Equal("n1", ((FlowNodeModel)((FlowPortModel)((SinglePortAnchor)redrawn.Source).Port).Parent).NodeId);
        Assert.Equal("n2", ((FlowNodeModel)((FlowPortModel)((SinglePortAnchor)redrawn.Target).Port).Parent).NodeId);
    }

    private static Blazor.Diagrams.Core.Events.PointerEventArgs Pointer(double x, double y) =>
        new(x, y, 0, 1, false, false, false, 1, 1, 1, 0.5f, 0, 0, "mouse", true);

    [Fact]
    public async Task SavingAWorkflowDeletedMeanwhile_SaysSo_AndKeepsTheChanges()
    {
        var imported = await _services.Get<WorkflowService>().ImportAsync(ReferenceOrder.Workflow(), TestActors.Ann, default);
        var page = _context.Render<DesignerPage>(p => p.Add(c => c.Id, imported.Workflow!.Id));
        page.WaitForAssertion(() => Assert.Equal(9, page.FindAll(".fd-node").Count));
        await _services.Get<WorkflowService>().DeleteAsync(imported.Workflow!.Id, TestActors.Bob, default);

        page.Find("#save").Click();

        var snackbar = _context.Services.GetRequiredService<MudBlazor.ISnackbar>();
        page.WaitForAssertion(() => Assert.Contains(snackbar.ShownSnackbars, s => s.Message!.Contains("deleted since you opened it")));
        Assert.Equal("Unsaved changes", page.Find("#save-state").TextContent.Trim());
    }
}
