using FlowDesigner.Testing;
using FlowDesigner.Engine.Workflows;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace FlowDesigner.E2E.Tests;

public sealed class WorkflowsPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task User_CreatesAWorkflow_FromTheWorkflowsPage()
    {
        await using var session = await BrowserSession.OpenAsync(browser.Browser);
        var page = session.Page;
        await OpenWorkflowsAsync(session);
        await Assertions.Expect(page.GetByText("No workflows yet")).ToBeVisibleAsync();
        await session.ScreenshotAsync("workflows-empty");

        await page.Locator("#new-workflow").ClickAsync();
        await page.Locator("input#workflow-name").FillAsync("Order fulfilment");
        await session.ScreenshotAsync("workflows-new-dialog");
        await page.Locator("input#workflow-name").PressAsync("Enter");

        // Create opens the new workflow in the designer; back on the list it is a draft.
        await page.Locator("#designer[data-ready=true]").WaitForAsync();
        await Assertions.Expect(page.Locator(".fd-designer-name")).ToHaveTextAsync("Order fulfilment");
        await page.GetByLabel("Back to the workflows").ClickAsync();
        await Assertions.Expect(page.Locator(".fd-workflow-name")).ToHaveTextAsync(["Order fulfilment"]);
        await Assertions.Expect(page.Locator(".fd-workflow-table tbody tr")).ToContainTextAsync("Draft");
        var stored = await session.Host.Services.GetRequiredService<WorkflowService>().ListAsync(new(), default);
        Assert.Equal("Order fulfilment", Assert.Single(stored.Items).Name);
    }

    [Fact]
    public async Task User_ImportsAWorkflowFile_AndSeesWhatIsWrongWithABrokenOne()
    {
        await using var session = await BrowserSession.OpenAsync(browser.Browser);
        var page = session.Page;
        await OpenWorkflowsAsync(session);

        await ImportAsync(page, "broken.flow.json", "{\n  \"schema\": 1,\n  \"name\": \"Broken\"\n  \"nodes\": []\n}");
        var problems = page.Locator("#import-problems");
        await Assertions.Expect(problems).ToContainTextAsync("Line 4, column 3");
        await session.ScreenshotAsync("workflows-import-refused");
        await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "Close" }).ClickAsync();
        await Assertions.Expect(page.GetByText("No workflows yet")).ToBeVisibleAsync();

        await ImportAsync(page, "orders.flow.json", """
            { "schema": 1, "name": "Imported orders",
              "nodes": [ { "id": "n1", "type": "core.webhook", "name": "Order placed", "config": { "path": "orders" } } ] }
            """);
        await Assertions.Expect(page.Locator(".fd-workflow-name")).ToHaveTextAsync(["Imported orders"]);
        await Assertions.Expect(page.Locator(".fd-trigger")).ToHaveTextAsync("POST /hooks/orders");
    }

    [Fact]
    public async Task AnActivePollingTriggerThatCannotReachItsStore_IsFlaggedOnTheList()
    {
        await using var session = await BrowserSession.OpenAsync(browser.Browser);
        var services = session.Host.Services;
        var shop = await services.GetRequiredService<Engine.Credentials.CredentialService>().SaveAsync(new Engine.Credentials.CredentialInput(
            null, "magento.token", "Shop", new Dictionary<string, string> { ["baseUrl"] = "http://127.0.0.1:1", ["auth"] = "bearer", ["accessToken"] = "token-1" }), TestActors.Admin, default);
        var imported = await services.GetRequiredService<WorkflowService>().ImportAsync($$"""
            { "schema": 1, "name": "Shop orders", "nodes": [
              { "id": "n1", "type": "magento.new-order", "name": "New order", "credential": "{{shop.Saved!.Id}}", "config": { "since": "2025-03-14 00:00:00" } } ] }
            """, TestActors.Ann, default);
        await services.GetRequiredService<PublishService>().PublishAsync(imported.Workflow!.Id, null, TestActors.Ann, default);
        await services.GetRequiredService<Engine.Triggers.PollJobs>().PollAsync(imported.Workflow.Id, default);

        await OpenWorkflowsAsync(session);

        await Assertions.Expect(session.Page.Locator(".fd-trigger")).ToContainTextAsync("Magento orders, every 1 min");
        await Assertions.Expect(session.Page.Locator(".fd-trigger-problem")).ToContainTextAsync("Last check failed");
        await session.Page.Locator(".fd-trigger-problem").HoverAsync();
        await Assertions.Expect(session.Page.Locator(".mud-tooltip")).ToContainTextAsync("Magento could not be reached at http://127.0.0.1:1");
        await session.ScreenshotAsync("workflows-poll-failing");
    }

    [Fact]
    public async Task User_RenamesDuplicatesExportsAndDeletes_WithConfirmation()
    {
        await using var session = await BrowserSession.OpenAsync(browser.Browser);
        var service = session.Host.Services.GetRequiredService<WorkflowService>();
        await service.CreateAsync("Invoices", TestActors.Ann, default);
        var page = session.Page;
        await OpenWorkflowsAsync(session);

        await RowActionAsync(page, "Invoices", "Rename");
        await page.Locator("input#workflow-name").FillAsync("Invoices to ERP");
        await page.Locator("#workflow-name-submit").ClickAsync();
        await Assertions.Expect(page.Locator(".fd-workflow-name")).ToHaveTextAsync(["Invoices to ERP"]);

        await RowActionAsync(page, "Invoices to ERP", "Duplicate");
        await Assertions.Expect(page.Locator(".fd-workflow-name")).ToHaveCountAsync(2);
        await session.ScreenshotAsync("workflows-list");

        var download = await page.RunAndWaitForDownloadAsync(() => RowActionAsync(page, "Invoices to ERP (copy)", "Export"));
        Assert.Equal("invoices-to-erp-copy.flow.json", download.SuggestedFilename);

        await RowActionAsync(page, "Invoices to ERP (copy)", "Delete");
        await Assertions.Expect(page.GetByText("It cannot be undone")).ToBeVisibleAsync();
        await session.ScreenshotAsync("workflows-delete-confirm");
        await page.Locator("#confirm-action").ClickAsync();
        await Assertions.Expect(page.Locator(".fd-workflow-name")).ToHaveTextAsync(["Invoices to ERP"]);
    }

    private static async Task OpenWorkflowsAsync(BrowserSession session)
    {
        await session.GoToAsync("/");
        await session.Page.Locator(".fd-workflows[data-ready=true]").WaitForAsync();
    }

    private static async Task ImportAsync(IPage page, string fileName, string json)
    {
        await page.Locator("input.fd-import-input").Last.SetInputFilesAsync(new FilePayload
        {
            Name = fileName,
            MimeType = "application/json",
            Buffer = System.Text.Encoding.UTF8.GetBytes(json),
        });
    }

    private static async Task RowActionAsync(IPage page, string workflowName, string action)
    {
        var row = page.Locator(".fd-workflow-table tbody tr").Filter(new() { Has = page.Locator(".fd-workflow-name", new() { HasTextRegex = new($"^{System.Text.RegularExpressions.Regex.Escape(workflowName)}$") }) });
        await row.Locator(".fd-row-menu button").ClickAsync();
        await page.Locator(".mud-popover-open .mud-menu-item").Filter(new() { HasText = action }).ClickAsync();
    }
}
