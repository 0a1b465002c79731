using FlowDesigner.Engine.Workflows;
using FlowDesigner.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace FlowDesigner.E2E.Tests;

public sealed class DesignerPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task User_OpensAWorkflow_AddsMovesUndoesAndSaves_AndFindsItAfterReload()
    {
        await using var session = await BrowserSession.OpenAsync(browser.Browser);
        var page = session.Page;
        var workflows = session.Host.Services.GetRequiredService<WorkflowService>();
        var imported = await workflows.ImportAsync(ReferenceOrder.Workflow(), TestActors.Ann, default);

        await OpenDesignerAsync(session, imported.Workflow!.Id);
        var nodes = page.Locator(".fd-node");
        await Assertions.Expect(nodes).ToHaveCountAsync(9);
        await page.Locator("#auto-layout").ClickAsync();
        await session.ScreenshotAsync("designer-reference-workflow");

        await page.Locator("#palette-search").FillAsync("dela");
        await Assertions.Expect(page.Locator(".fd-palette-item")).ToHaveCountAsync(1);
        await page.Locator(".fd-palette-item").ClickAsync();
        await Assertions.Expect(nodes).ToHaveCountAsync(10);

        await page.Locator("#canvas").FocusAsync();
        await page.Keyboard.PressAsync("Control+z");
        await Assertions.Expect(nodes).ToHaveCountAsync(9);
        await page.Keyboard.PressAsync("Control+Shift+Z");
        await Assertions.Expect(nodes).ToHaveCountAsync(10);
        await page.Keyboard.PressAsync("?");
        await Assertions.Expect(page.Locator("#shortcuts")).ToContainTextAsync("Ctrl+Shift+Z");
        await session.ScreenshotAsync("designer-shortcuts");
        await page.GetByRole(AriaRole.Button, new() { Name = "Close", Exact = true }).Last.ClickAsync();

        var card = page.Locator(".fd-node[data-node=map] .fd-node-head");
        var box = (await card.BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(box.X + 20, box.Y + 10);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(box.X + 60, box.Y + 70, new() { Steps = 8 });
        await page.Mouse.UpAsync();
        await Assertions.Expect(page.Locator("#save-state")).ToHaveTextAsync("Unsaved changes");

        await page.Locator("#save").ClickAsync();
        await Assertions.Expect(page.Locator("#save-state")).ToHaveTextAsync("Saved");
        var saved = (await workflows.FindAsync(imported.Workflow.Id, default))!.Definition;
        Assert.Equal(10, saved.Nodes.Count);
        Assert.Contains(saved.Nodes, n => n.Type == "core.delay");

        await OpenDesignerAsync(session, imported.Workflow.Id);
        await Assertions.Expect(nodes).ToHaveCountAsync(10);
        await Assertions.Expect(page.Locator(".diagram-link")).ToHaveCountAsync(saved.Edges.Count);

        // Copy and paste two linked nodes: they come back renamed, with the link between them; undo takes them away.
        var canvas = new CanvasProbe(page);
        await canvas.ShowNodeAsync("svc");
        await canvas.ExpectNodeInsideAsync("incident", "beside the node the minimap showed");
        await page.Locator(".fd-node[data-node=svc] .fd-node-head").ClickAsync();
        await page.Keyboard.DownAsync("Control");
        await page.Locator(".fd-node[data-node=incident] .fd-node-head").ClickAsync();
        await page.Keyboard.UpAsync("Control");
        await page.Locator("#canvas").FocusAsync();
        await page.Keyboard.PressAsync("Control+c");
        await page.Keyboard.PressAsync("Control+v");
        await Assertions.Expect(nodes).ToHaveCountAsync(12);
        await Assertions.Expect(page.Locator(".fd-node-name").GetByText("Is service 2", new() { Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".diagram-link")).ToHaveCountAsync(saved.Edges.Count + 1);
        await page.Keyboard.PressAsync("Control+z");
        await Assertions.Expect(nodes).ToHaveCountAsync(10);
        await page.Keyboard.PressAsync("Control+y");
        await Assertions.Expect(nodes).ToHaveCountAsync(12);
        await nodes.Filter(new() { HasText = "Is service 2" }).Locator(".fd-node-head").ClickAsync();
        await page.Keyboard.PressAsync("Delete");
        await Assertions.Expect(nodes).ToHaveCountAsync(11);
        await Assertions.Expect(page.Locator(".diagram-link")).ToHaveCountAsync(saved.Edges.Count);
    }

    [Fact]
    public async Task EmptyWorkflow_ShowsWhatItNeeds_AndRefusesASecondTrigger()
    {
        await using var session = await BrowserSession.OpenAsync(browser.Browser);
        var page = session.Page;
        var created = await session.Host.Services.GetRequiredService<WorkflowService>().CreateAsync("Invoices", TestActors.Ann, default);

        await OpenDesignerAsync(session, created.Id);
        await page.Locator("#problems-toggle").ClickAsync();
        await Assertions.Expect(page.Locator("#problems")).ToContainTextAsync("trigger");
        await session.ScreenshotAsync("designer-empty");

        await page.Locator(".fd-palette-item[data-type='core.webhook']").ClickAsync();
        await page.Locator(".fd-palette-item[data-type='core.schedule']").ClickAsync();
        await Assertions.Expect(page.Locator(".fd-node")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByText("already has a trigger")).ToBeVisibleAsync();

        // The panel of the selected node: filling the required path clears its problem.
        await Assertions.Expect(page.Locator("#property-panel")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#problems")).ToContainTextAsync("Path");
        var path = page.Locator("#property-panel [data-property=path] input");
        await path.FillAsync("invoices");
        await path.PressAsync("Tab");
        await Assertions.Expect(page.Locator("#problems")).Not.ToContainTextAsync("Path");
        await session.ScreenshotAsync("designer-properties");

        // A link is drawn with the mouse from the trigger's output to the new node's input.
        await page.Locator(".fd-palette-item[data-type='core.set']").ClickAsync();
        await Assertions.Expect(page.Locator(".fd-node")).ToHaveCountAsync(2);
        var from = (await page.Locator(".fd-node[data-node=n1] .fd-port-out").BoundingBoxAsync())!;
        var to = (await page.Locator(".fd-node[data-node=n2] .fd-port-in").BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(from.X + (from.Width / 2), from.Y + (from.Height / 2));
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(to.X + (to.Width / 2), to.Y + (to.Height / 2), new() { Steps = 12 });
        await page.Mouse.UpAsync();

        await Assertions.Expect(page.Locator("#undo")).ToBeEnabledAsync();
        await Assertions.Expect(page.Locator(".diagram-link")).ToHaveCountAsync(1);
        await session.ScreenshotAsync("designer-linked");

        await page.GetByLabel("Back to the workflows").ClickAsync();
        await Assertions.Expect(page.GetByText("Leave without saving?")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Stay" }).ClickAsync();
        await Assertions.Expect(page.Locator("#designer")).ToBeVisibleAsync();

        await page.Locator("#save").ClickAsync();
        await Assertions.Expect(page.Locator("#save-state")).ToHaveTextAsync("Saved");
        var saved = (await session.Host.Services.GetRequiredService<WorkflowService>().FindAsync(created.Id, default))!.Definition;
        Assert.Equal("n1:out->n2", Assert.Single(saved.Edges).Key);

        // A sticky note, written on and saved with the workflow.
        await page.Locator("#add-note").ClickAsync();
        var note = page.Locator(".fd-note-text");
        await note.FillAsync("Ask finance which VAT rate applies.");
        await note.PressAsync("Tab");
        await Assertions.Expect(page.Locator("#save-state")).ToHaveTextAsync("Unsaved changes");
        await session.ScreenshotAsync("designer-note");
        await page.Locator("#save").ClickAsync();
        await Assertions.Expect(page.Locator("#save-state")).ToHaveTextAsync("Saved");
        var withNote = (await session.Host.Services.GetRequiredService<WorkflowService>().FindAsync(created.Id, default))!.Definition;
        Assert.Equal("Ask finance which VAT rate applies.", Assert.Single(withNote.Notes).Text);

        // An expression that is not valid JavaScript is shown as the setting's problem, where it was typed.
        await page.Locator(".fd-palette-item[data-type='core.condition']").ClickAsync();
        var condition = page.Locator("#property-panel [data-property=condition]").Locator("input, textarea").First;
        await condition.FillAsync("{{ item.qty.toFixed( }}");
        await condition.PressAsync("Tab");
        await Assertions.Expect(page.Locator("#property-panel [data-property=condition]")).ToContainTextAsync("Unexpected end of input (line 1:18)");
        await Assertions.Expect(page.Locator("#designer")).ToBeVisibleAsync();
        await session.ScreenshotAsync("designer-expression-problem");
    }

    [Fact]
    public async Task User_PublishesWithANote_RollsBack_ViewsAndRestoresAVersion_AndAnIncompleteGraphIsRefused()
    {
        await using var session = await BrowserSession.OpenAsync(browser.Browser);
        var page = session.Page;
        var workflows = session.Host.Services.GetRequiredService<WorkflowService>();
        var imported = await workflows.ImportAsync(ReferenceOrder.Workflow(), TestActors.Ann, default);
        await OpenDesignerAsync(session, imported.Workflow!.Id);

        await Assertions.Expect(page.Locator("#publish-state")).ToContainTextAsync("Draft");
        await PublishAsync(page, "First go-live");
        await Assertions.Expect(page.GetByText("Published as v1")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#publish-state")).ToContainTextAsync("Published v1");
        await new CanvasProbe(page).ShowNodeAsync("answer");
        await page.Locator(".fd-node[data-node=answer] .fd-node-head").ClickAsync(); // a pause after the answer, linked from it
        await page.Locator(".fd-palette-item[data-type='core.delay']").ClickAsync();
        await Assertions.Expect(page.Locator(".diagram-link")).ToHaveCountAsync(11);
        await PublishAsync(page, "With a pause");
        await Assertions.Expect(page.GetByText("Published as v2")).ToBeVisibleAsync();

        await page.Locator("#versions").ClickAsync();
        var v1 = page.Locator(".fd-version[data-version='1']");
        await Assertions.Expect(page.Locator(".fd-version[data-version='2']")).ToContainTextAsync("Active");
        await Assertions.Expect(v1).ToContainTextAsync("First go-live");
        await v1.GetByRole(AriaRole.Button, new() { Name = "Make active" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Make v1 active" }).ClickAsync();
        await Assertions.Expect(v1).ToContainTextAsync("Active");
        await Assertions.Expect(page.Locator("#publish-state")).ToContainTextAsync("Changed since v1"); // the saved draft is v2's graph

        await v1.GetByRole(AriaRole.Button, new() { Name = "View" }).ClickAsync();
        await Assertions.Expect(page.Locator("#viewing")).ToContainTextAsync("Viewing v1");
        await Assertions.Expect(page.Locator(".fd-node")).ToHaveCountAsync(9);
        await session.ScreenshotAsync("designer-versions");
        await page.Locator("#back-to-draft").ClickAsync();
        await Assertions.Expect(page.Locator(".fd-node")).ToHaveCountAsync(10);

        // Back on the draft, its nodes move again: the cards of the version viewed were locked, and are the same cards.
        await new CanvasProbe(page).ShowNodeAsync("answer");
        var card = (await page.Locator(".fd-node[data-node=answer] .fd-node-head").BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(card.X + 10, card.Y + 10);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(card.X + 70, card.Y + 50, new() { Steps = 8 });
        await page.Mouse.UpAsync();
        await Assertions.Expect(page.Locator("#save-state")).ToHaveTextAsync("Unsaved changes");
        Assert.NotEqual(card.X, (await page.Locator(".fd-node[data-node=answer] .fd-node-head").BoundingBoxAsync())!.X);
        await v1.GetByRole(AriaRole.Button, new() { Name = "Restore as draft" }).ClickAsync();
        await Assertions.Expect(page.Locator(".fd-node")).ToHaveCountAsync(9);
        await Assertions.Expect(page.Locator("#save-state")).ToHaveTextAsync("Unsaved changes");

        // Saved, the draft is v1's graph again: the active version.
        await page.Locator("#save").ClickAsync();
        await Assertions.Expect(page.Locator("#publish-state")).ToContainTextAsync("Published v1");

        // A required setting emptied: Publish is unavailable and says what to fix.
        await page.GetByLabel("Close the versions").ClickAsync();
        await new CanvasProbe(page).ShowNodeAsync("hook");
        await page.Locator(".fd-node[data-node=hook] .fd-node-head").ClickAsync();
        var path = page.Locator("#property-panel [data-property=path] input");
        await path.FillAsync("");
        await path.PressAsync("Tab");
        await Assertions.Expect(page.Locator("#publish")).ToBeDisabledAsync();
        await Assertions.Expect(page.Locator("#publish-wrap")).ToHaveAttributeAsync("title", "Fix the problem listed in the problems bar first.");
        await page.Locator("#problems-toggle").ClickAsync();
        await Assertions.Expect(page.Locator("#problems-list")).ToContainTextAsync("Path");
        await session.ScreenshotAsync("designer-publish-refused");
        var active = await session.Host.Services.GetRequiredService<PublishService>().FindActiveAsync(imported.Workflow.Id, default);
        Assert.Equal(1, active!.Number);
    }

    [Fact]
    public async Task TestRun_RunsTheDraftWithASamplePayload_AndShowsEachNodesResult()
    {
        await using var sink = await HttpSink.StartAsync();
        await using var session = await BrowserSession.OpenAsync(browser.Browser);
        var page = session.Page;
        var workflow = ReferenceOrder.Workflow().Replace("{{ env.sink }}", sink.Address.ToString());
        var imported = await session.Host.Services.GetRequiredService<WorkflowService>().ImportAsync(workflow, TestActors.Ann, default);
        await OpenDesignerAsync(session, imported.Workflow!.Id);

        await page.Locator("#test-run").ClickAsync();
        var order = System.Text.Json.JsonSerializer.Serialize(new { body = ReferenceOrder.Order("000000777", 3) });
        await page.Locator("#test-payload").FillAsync(order);
        await page.Locator("#test-run-start").ClickAsync();

        await Assertions.Expect(page.GetByText("Test run succeeded")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".fd-node[data-node=answer] .fd-status-succeeded")).ToBeAttachedAsync();
        await new CanvasProbe(page).ShowNodeAsync("incident");
        await page.Locator(".fd-node[data-node=incident] .fd-node-head").ClickAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "Result" }).ClickAsync();
        await Assertions.Expect(page.Locator("#property-panel")).ToContainTextAsync("Install INSTALL for order 000000777");
        await session.ScreenshotAsync("designer-test-run");

        Assert.Equal(3, sink.Requests.Count);
        var pinned = await session.Host.Services.GetRequiredService<WorkflowService>().FindAsync(imported.Workflow.Id, default);
        Assert.Equal(order, pinned!.SamplePayloadJson);

        // Pinned to the workflow: a new visit starts from the same sample.
        await OpenDesignerAsync(session, imported.Workflow.Id);
        await page.Locator("#test-run").ClickAsync();
        await Assertions.Expect(page.Locator("#test-payload")).ToHaveValueAsync(order);
    }

    private static async Task PublishAsync(IPage page, string note)
    {
        await page.Locator("#publish").ClickAsync();
        await page.Locator("#publish-note").FillAsync(note);
        await page.Locator("#publish-confirm").ClickAsync();
    }

    private static async Task OpenDesignerAsync(BrowserSession session, Guid workflowId)
    {
        await session.GoToAsync($"/workflows/{workflowId}");
        await session.Page.Locator("#designer[data-ready=true]").WaitForAsync();
    }
}
