using FlowDesigner.Engine.Workflows;
using FlowDesigner.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace FlowDesigner.E2E.Tests;

/// <summary>An analyst maps fields of the trigger's output into a step's settings with the mouse, and runs the workflow with them.</summary>
public sealed class FieldMappingTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task AFieldClicked_AndAFieldDragged_LandInTheSettings_AsExpressions_AndTheRunUsesThem()
    {
        await using var session = await BrowserSession.OpenAsync(browser.Browser);
        var page = session.Page;
        var workflows = session.Host.Services.GetRequiredService<WorkflowService>();
        var imported = await workflows.ImportAsync("""
            { "schema": 1, "name": "Welcome", "nodes": [
                { "id": "hook", "type": "core.webhook", "name": "Signed up", "config": { "path": "signups" }, "position": { "x": 80, "y": 80 } },
                { "id": "map", "type": "core.set", "name": "Greeting", "config": { "fields": { "email": "", "total": "" } }, "position": { "x": 360, "y": 80 } } ],
              "edges": [ { "from": "hook", "port": "out", "to": "map" } ] }
            """, TestActors.Ann, default);
        var id = imported.Workflow!.Id;
        const string sample = """{ "body": { "customer": { "email": "jane.doe@example.com", "first name": "Jane" }, "total": 813 } }""";
        await workflows.SetSamplePayloadAsync(id, sample, default);
        await session.GoToAsync($"/workflows/{id}");
        await page.Locator("#designer[data-ready=true]").WaitForAsync();

        // The Greeting's panel lists the trigger's fields from the pinned sample.
        await page.Locator(".fd-node[data-node=map] .fd-node-head").ClickAsync();
        var input = page.Locator("#input-data");
        await Assertions.Expect(input).ToContainTextAsync("from the pinned sample");
        await OpenFieldAsync(page, "trigger.body");
        await OpenFieldAsync(page, "trigger.body.customer");
        await session.ScreenshotAsync("mapping-tree");

        // A click on a field inserts it where the cursor is in the setting last edited.
        var values = page.Locator("#property-panel [data-property=fields] .fd-keyvalue-row");
        var email = values.Nth(0).Locator("input").Nth(1);
        await email.ClickAsync();
        await page.Locator("#input-data [data-path='trigger.body.customer.email']").ClickAsync();
        await Assertions.Expect(email).ToHaveValueAsync("{{ trigger.body.customer.email }}");

        // A field dragged onto a setting drops into it; a name that is no identifier is quoted.
        var total = values.Nth(1).Locator("input").Nth(1);
        await page.Locator("#input-data [data-path='trigger.body.total']").DragToAsync(total);
        await Assertions.Expect(total).ToHaveValueAsync("{{ trigger.body.total }}");
        await Assertions.Expect(page.Locator("#input-data [data-path=\"trigger.body.customer['first name']\"]")).ToBeVisibleAsync();
        await session.ScreenshotAsync("mapping-mapped");

        // Both are in the draft, and a test run with the sample maps them.
        await page.Locator("#save").ClickAsync();
        await Assertions.Expect(page.Locator("#save-state")).ToHaveTextAsync("Saved");
        var fields = (await workflows.FindAsync(id, default))!.Definition.FindNode("map")!.GetConfig("fields")!.Value;
        Assert.Equal("{{ trigger.body.customer.email }}", fields.GetProperty("email").GetString());
        Assert.Equal("{{ trigger.body.total }}", fields.GetProperty("total").GetString());
        await page.Locator("#test-run").ClickAsync();
        await Assertions.Expect(page.Locator("#test-payload")).ToHaveValueAsync(sample);
        await page.Locator("#test-run-start").ClickAsync();
        await Assertions.Expect(page.GetByText("Test run succeeded")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "Result" }).ClickAsync();
        await Assertions.Expect(page.Locator("#property-panel .fd-test-output")).ToContainTextAsync("\"email\": \"jane.doe@example.com\"");
        await Assertions.Expect(page.Locator("#property-panel .fd-test-output")).ToContainTextAsync("\"total\": 813");

        // After the run, the tree reads the run's own output.
        await page.GetByRole(AriaRole.Tab, new() { Name = "Settings" }).ClickAsync();
        await Assertions.Expect(input).ToContainTextAsync("from the last test run");
    }

    /// <summary>Opens a field's branch of the tree with its arrow (a click on its name would insert it).</summary>
    private static async Task OpenFieldAsync(IPage page, string path)
    {
        var summary = page.Locator($"#input-data summary:has(> [data-path='{path}'])");
        await summary.ClickAsync(new() { Position = new() { X = 3, Y = 8 } });
        await Assertions.Expect(page.Locator($"#input-data details:has(> summary > [data-path='{path}'])")).ToHaveAttributeAsync("open", "");
    }
}
