using FlowDesigner.Model.Users;
using Bunit;
using FlowDesigner.Engine.Workflows;
using FlowDesigner.Model.Descriptors;
using FlowDesigner.Testing;
using FlowDesigner.Web.Security;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using WorkflowsPage = FlowDesigner.Web.Components.Pages.Workflows;

namespace FlowDesigner.Web.Tests;

public sealed class WorkflowsPageTests : IAsyncLifetime
{
    private readonly BunitContext _context = new();
    private TestServices _services = default!;

    private WorkflowService Service => _services.Get<WorkflowService>();

    public async Task InitializeAsync()
    {
        _services = await TestServices.StartAsync();
        _context.JSInterop.Mode = JSRuntimeMode.Loose;
        _context.Services.AddMudServices();
        _context.Services.AddSingleton(Service);
        _context.Services.AddSingleton(_services.Get<NodeCatalog>());
        _context.Services.AddSingleton(TimeProvider.System);
        _context.Services.AddScoped<CurrentUser>();
        SignedIn.As(_context, Role.Designer);
        _context.Services.AddSingleton(_services.Get<FlowDesigner.Engine.Workflows.PublishService>());
        _context.Services.AddSingleton(_services.Get<FlowDesigner.Engine.Workflows.ManualRuns>());
        _context.Services.AddScoped<FlowDesigner.Web.Components.Workflows.WorkflowActions>();
        _context.Services.AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(Microsoft.Extensions.Logging.Abstractions.NullLogger<>));
    }

    public async Task DisposeAsync()
    {
        await _context.DisposeAsync();
        await _services.DisposeAsync();
    }

    [Fact]
    public async Task Page_ListsWorkflows_WithStateAndTrigger()
    {
        await Service.ImportAsync(
            """{ "schema": 1, "name": "Order fulfilment", "nodes": [ { "id": "n1", "type": "core.webhook", "name": "Order placed", "config": { "path": "orders" } } ] }""", TestActors.Ann, default);
        await Service.CreateAsync("Invoice export", TestActors.Ann, default);

        var page = _context.Render<WorkflowsPage>();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll(".fd-workflow-name").Count));
        var rows = page.FindAll("tr.mud-table-row").Select(r => r.TextContent).ToList();
        var orders = Assert.Single(rows, r => r.Contains("Order fulfilment"));
        Assert.Contains("POST /hooks/orders", orders);
        Assert.Contains("Draft", orders);
        Assert.Contains("Never", orders);
        Assert.Contains("No trigger yet", Assert.Single(rows, r => r.Contains("Invoice export")));
    }

    [Fact]
    public void Page_SaysWhatToDo_WhenThereAreNoWorkflows()
    {
        var page = _context.Render<WorkflowsPage>();

        page.WaitForAssertion(() => Assert.Contains("No workflows yet", page.Markup));
        Assert.Contains("Create one with New workflow, or import a workflow file.", page.Markup);
    }

    [Fact]
    public async Task NewWorkflow_AsksForAName_ThenOpensItInTheDesigner()
    {
        var dialogs = _context.Render<MudDialogProvider>();
        var page = _context.Render<WorkflowsPage>();
        page.WaitForAssertion(() => Assert.Contains("No workflows yet", page.Markup));

        var clicked = page.Find("#new-workflow").ClickAsync(new()); // completes when the dialog closes
        dialogs.WaitForAssertion(() => Assert.NotEmpty(dialogs.FindAll("input#workflow-name")));
        await dialogs.Find("input#workflow-name").InputAsync(new() { Value = "Customer sync" });
        await dialogs.Find("#workflow-name-submit").ClickAsync(new());
        await clicked;

        var created = Assert.Single((await Service.ListAsync(new(), default)).Items);
        Assert.Equal("Customer sync", created.Name);
        var navigation = _context.Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>();
        Assert.EndsWith($"/workflows/{created.Id}", navigation.Uri);
    }

    [Fact]
    public async Task Search_FiltersTheList()
    {
        await Service.CreateAsync("Order sync", TestActors.Ann, default);
        await Service.CreateAsync("Invoice export", TestActors.Ann, default);
        var page = _context.Render<WorkflowsPage>();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll(".fd-workflow-name").Count));

        await page.Find("#workflow-search").InputAsync(new() { Value = "invoice" });

        page.WaitForAssertion(() => Assert.Equal(["Invoice export"], page.FindAll(".fd-workflow-name").Select(e => e.TextContent)), TimeSpan.FromSeconds(5));
    }
}
