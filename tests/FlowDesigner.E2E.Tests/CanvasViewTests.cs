using FlowDesigner.Engine.Workflows;
using FlowDesigner.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace FlowDesigner.E2E.Tests;

/// <summary>
/// The canvas keeps the work in view, in Chromium at 1440x900 with the mouse: fit, auto-layout, where added nodes land,
/// a readable zoom on opening, links that stay drawn, the minimap, and the room the canvas gets.
/// </summary>
public sealed class CanvasViewTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task NodesAddedFromThePalette_LandInView_LinkedToTheSelectedNode_AndFitKeepsThemAllInside()
    {
        await using var session = await BrowserSession.OpenAsync(browser.Browser);
        var (page, canvas) = (session.Page, new CanvasProbe(session.Page));
        await OpenAsync(session, await ImportAsync(session, """{ "schema": 1, "name": "Placed", "nodes": [], "edges": [] }"""));

        // Nothing selected: the trigger lands at the centre of the view (above the minimap's strip).
        await AddAsync(page, "core.webhook");
        var trigger = (await canvas.NodesAsync())["n1"];
        var box = await canvas.CanvasAsync();
        Assert.InRange(trigger.X + (trigger.Width / 2) - (box.X + (box.Width / 2)), -30, 30);
        var free = box.Height - (await canvas.MinimapAsync()).Height - 24; // the strip along the bottom with the minimap stays clear
        Assert.InRange(trigger.Y + (trigger.Height / 2) - (box.Y + (free / 2)), -30, 30);

        // The new node is selected: the next lands to its right, linked from its output.
        await AddAsync(page, "core.condition");
        await canvas.ExpectLinksDrawnAsync(1, "after the condition");
        var (first, second) = ((await canvas.NodesAsync())["n1"], (await canvas.NodesAsync())["n2"]);
        Assert.True(second.X > first.Right, "the condition lies to the right of the trigger");
        Assert.InRange(second.Y - first.Y, -1, 1);

        // The condition's "true" port, then its "false" port; then, with both taken, below it and unlinked.
        await AddAsync(page, "core.set");
        await ClickNodeAsync(page, "n2");
        await AddAsync(page, "core.delay");
        await ClickNodeAsync(page, "n2");
        await AddAsync(page, "core.fail");
        var nodes = await canvas.NodesAsync();
        Assert.True(nodes["n5"].Y > nodes["n2"].Bottom, "with every port linked, the node lands below");
        Assert.InRange(nodes["n5"].X - nodes["n2"].X, -1, 1);
        await canvas.ExpectEveryNodeInsideAsync("after five nodes were added");
        await canvas.ExpectLinksDrawnAsync(3, "after five nodes were added");
        var saved = await DraftAsync(session, page);
        Assert.Equal(["n1:out->n2", "n2:false->n4", "n2:true->n3"], saved.Edges.Select(e => e.Key).Order(StringComparer.Ordinal));
        await session.ScreenshotAsync("canvas-placed");

        // The canvas never scrolls as an element: asked to, it stays put, and fit shows every node on the first click.
        await page.EvaluateAsync("() => { const c = document.querySelector('.diagram-canvas'); c.scrollLeft = 300; c.scrollTop = 200; document.querySelector('.fd-canvas').scrollLeft = 300; }");
        Assert.False(await canvas.ScrolledAsync());
        await page.Locator("#zoom-in").ClickAsync();
        await page.Locator("#zoom-in").ClickAsync();
        await page.Locator("#fit").ClickAsync();
        await canvas.ExpectEveryNodeInsideAsync("after fit");
        Assert.True(await canvas.SmallestTextAsync() >= 11 - 0.01, "fit keeps node text readable");
        await session.ScreenshotAsync("canvas-fit");
    }

    [Fact]
    public async Task AutoLayout_BringsNodesPlacedFarAwayIntoView_AndLinksNeverCrossTheNodesTheyJoin()
    {
        await using var session = await BrowserSession.OpenAsync(browser.Browser);
        var (page, canvas) = (session.Page, new CanvasProbe(session.Page));

        // A vertical chain, drawn by hand: links leave to the right and come back into each input from the left.
        var chain = await ImportAsync(session, """
            { "schema": 1, "name": "Vertical", "nodes": [
                { "id": "a", "type": "core.manual", "name": "Start", "position": { "x": 100, "y": 40 } },
                { "id": "b", "type": "core.set", "name": "Second", "position": { "x": 100, "y": 200 }, "config": { "fields": { "x": "1" } } },
                { "id": "c", "type": "core.set", "name": "Third", "position": { "x": 120, "y": 360 }, "config": { "fields": { "x": "1" } } },
                { "id": "d", "type": "core.set", "name": "Back left", "position": { "x": -200, "y": 500 }, "config": { "fields": { "x": "1" } } } ],
              "edges": [ { "from": "a", "port": "out", "to": "b" }, { "from": "b", "port": "out", "to": "c" }, { "from": "b", "port": "out", "to": "d" } ] }
            """);
        await OpenAsync(session, chain);
        await canvas.ExpectEveryNodeInsideAsync("on opening the vertical chain");
        await canvas.ExpectLinksDrawnAsync(3, "the vertical chain");
        await session.ScreenshotAsync("canvas-vertical-chain");

        // Four unlinked nodes far above the view: auto-layout ends with all four in view.
        var scattered = await ImportAsync(session, """
            { "schema": 1, "name": "Scattered", "nodes": [
                { "id": "a", "type": "core.manual", "name": "Start", "position": { "x": -900, "y": -640 } },
                { "id": "b", "type": "core.set", "name": "B", "position": { "x": 2400, "y": -1640 } },
                { "id": "c", "type": "core.delay", "name": "C", "position": { "x": 40, "y": 3000 } },
                { "id": "d", "type": "core.fail", "name": "D", "position": { "x": 700, "y": -900 } } ],
              "edges": [] }
            """);
        await OpenAsync(session, scattered);
        await page.Locator("#auto-layout").ClickAsync();
        await canvas.ExpectEveryNodeInsideAsync("after auto-layout of four unlinked nodes");
        Assert.True(await canvas.SmallestTextAsync() >= 11 - 0.01, "after auto-layout, text stays readable");
        await session.ScreenshotAsync("canvas-layout-unlinked");

        // Shift+Alt+L lays the chain out left to right, in view.
        await OpenAsync(session, chain);
        await page.Locator("#canvas").FocusAsync();
        await page.Keyboard.PressAsync("Shift+Alt+L");
        await Assertions.Expect(page.Locator("#save-state")).ToHaveTextAsync("Unsaved changes");
        await canvas.ExpectEveryNodeInsideAsync("after Shift+Alt+L");
        var nodes = await canvas.NodesAsync();
        Assert.True(nodes["a"].Right < nodes["b"].X && nodes["b"].Right < nodes["c"].X, "the chain runs left to right");
        await canvas.ExpectLinksDrawnAsync(3, "after Shift+Alt+L");
    }

    [Fact]
    public async Task OpeningAWorkflow_ShowsItReadably_WithTheTriggerInView_EvenWith150Nodes()
    {
        await using var session = await BrowserSession.OpenAsync(browser.Browser);
        var (page, canvas) = (session.Page, new CanvasProbe(session.Page));

        await OpenAsync(session, await ImportAsync(session, ReferenceOrder.Workflow()));
        await canvas.ExpectNodeInsideAsync("hook", "on opening the reference workflow");
        Assert.True(await canvas.SmallestTextAsync() >= 11 - 0.01, "the reference workflow opens readable");
        await canvas.ExpectLinksDrawnAsync(10, "the reference workflow");

        var nodes = string.Join(",", Enumerable.Range(1, 149).Select(i => $$"""{ "id": "s{{i}}", "type": "core.set", "name": "Step {{i}}", "config": { "fields": { "x": "{{i}}" } } }"""));
        var edges = string.Join(",", Enumerable.Range(1, 149).Select(i => $$"""{ "from": "{{(i <= 3 ? "t" : $"s{i - 3}")}}", "port": "out", "to": "s{{i}}" }"""));
        var large = await ImportAsync(session, $$"""
            { "schema": 1, "name": "Large", "nodes": [ { "id": "t", "type": "core.manual", "name": "Start" }, {{nodes}} ], "edges": [ {{edges}} ] }
            """);
        await OpenAsync(session, large);
        await Assertions.Expect(page.Locator(".fd-node")).ToHaveCountAsync(150);
        await canvas.ExpectNodeInsideAsync("t", "on opening 150 nodes");
        Assert.True(await canvas.SmallestTextAsync() >= 11 - 0.01, "150 nodes open readable");
        await canvas.ExpectLinksDrawnAsync(149, "150 nodes");
        await session.ScreenshotAsync("canvas-150-nodes");

        // The minimap shows the rest: a click on the last node's mark brings it into view.
        await canvas.ShowNodeAsync("s149");
        await session.ScreenshotAsync("canvas-150-nodes-minimap");
    }

    [Fact]
    public async Task ZoomPanFitLayoutAndSelection_NeverLoseALinkOrTheGrid_AndTheMinimapStaysDockedAndMovesTheView()
    {
        await using var session = await BrowserSession.OpenAsync(browser.Browser);
        var (page, canvas) = (session.Page, new CanvasProbe(session.Page));
        await OpenAsync(session, await ImportAsync(session, ReferenceOrder.Workflow()));
        var box = await canvas.CanvasAsync();

        async Task CheckAsync(string when)
        {
            Assert.False(await canvas.ScrolledAsync(), $"{when}: the canvas scrolled");
            await canvas.ExpectLinksDrawnAsync(10, when);
            var grid = CanvasProbe.Rect.Of((await page.Locator(".fd-canvas .grid").BoundingBoxAsync())!);
            Assert.True(grid.Holds(box) && box.Holds(grid), $"{when}: the grid covers {grid}, the canvas is {box}");
            var minimap = await canvas.MinimapAsync();
            Assert.InRange(box.Right - minimap.Right, 4, 24);
            Assert.InRange(box.Bottom - minimap.Bottom, 4, 24);
        }

        await CheckAsync("on opening");
        await page.Locator("#zoom-in").ClickAsync();
        await page.Locator("#zoom-in").ClickAsync();
        await CheckAsync("after zooming in");
        await page.Mouse.MoveAsync(box.X + 300, box.Y + 60);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(box.X + 20, box.Y + 500, new() { Steps = 10 });
        await page.Mouse.UpAsync();
        await CheckAsync("after panning");
        await page.Mouse.MoveAsync(box.X + 400, box.Y + 300);
        await page.Mouse.WheelAsync(0, 600);
        await CheckAsync("after zooming out with the wheel");
        await page.Locator("#auto-layout").ClickAsync();
        await CheckAsync("after auto-layout");
        await page.Locator("#fit").ClickAsync();
        await ClickNodeAsync(page, "hook");
        await CheckAsync("after fit and a selection");
        await session.ScreenshotAsync("canvas-after-zoom-pan");

        // A click in the minimap's right end moves the view there; a drag moves it along.
        var minimap = await canvas.MinimapAsync();
        var before = (await canvas.NodesAsync())["hook"];
        await page.Mouse.ClickAsync(minimap.Right - 10, minimap.Y + (minimap.Height / 2));
        var after = await canvas.NodeOnceAsync("hook", n => n.X < before.X - 100, "the view moves right");
        await page.Mouse.MoveAsync(minimap.Right - 10, minimap.Y + (minimap.Height / 2));
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(minimap.X + 10, minimap.Y + (minimap.Height / 2), new() { Steps = 8 });
        await page.Mouse.UpAsync();
        await canvas.NodeOnceAsync("hook", n => n.X > after.X + 100, "dragging in the minimap moves the view back left");
        await CheckAsync("after using the minimap");
        await session.ScreenshotAsync("canvas-minimap");
    }

    [Fact]
    public async Task TheCanvas_KeepsSixtyPercentOfTheWidth_AndItsHeight_WithPaletteAndPanelOpen()
    {
        await using var session = await BrowserSession.OpenAsync(browser.Browser);
        var (page, canvas) = (session.Page, new CanvasProbe(session.Page));
        await OpenAsync(session, await ImportAsync(session, """{ "schema": 1, "name": "Room", "nodes": [], "edges": [] }"""));
        await AddAsync(page, "core.webhook");

        // The navigation drawer starts collapsed here; palette and the node's panel are open.
        await Assertions.Expect(page.Locator(".mud-drawer--open")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#property-panel")).ToBeVisibleAsync();
        var open = await canvas.CanvasAsync();
        Assert.True(open.Width >= 0.6 * 1440, $"the canvas is {open.Width} px wide");
        var body = CanvasProbe.Rect.Of((await page.Locator(".fd-designer-body").BoundingBoxAsync())!);
        Assert.Equal(body.Height, open.Height, 1);
        Assert.True(open.Bottom <= 900, "the designer fits the window");

        // The problems list opens over the canvas, which keeps its size.
        await page.Locator("#problems-toggle").ClickAsync();
        await Assertions.Expect(page.Locator("#problems-list")).ToContainTextAsync("Path");
        Assert.Equal(open, await canvas.CanvasAsync());
        await session.ScreenshotAsync("canvas-problems-open");
        await page.Locator("#problems-toggle").ClickAsync();

        // Palette and panel collapse to rails: the canvas grows, and comes back as it was.
        await page.Locator("#palette-collapse").ClickAsync();
        await page.Locator("#panel-collapse").ClickAsync();
        await Assertions.Expect(page.Locator("#panel-expand")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#palette")).ToHaveCountAsync(0);
        Assert.True((await canvas.CanvasAsync()).Width >= 1440 - 120, "both collapsed, the canvas has nearly the whole width");
        await session.ScreenshotAsync("canvas-collapsed");
        await page.Locator("#palette-expand").ClickAsync();
        await page.Locator("#panel-expand").ClickAsync();
        await Assertions.Expect(page.Locator("#property-panel")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#palette")).ToBeVisibleAsync();
        Assert.Equal(open.Width, (await canvas.CanvasAsync()).Width, 1);

        // Shift+1 fits, and the help lists it with Shift+Alt+L.
        await page.Locator("#zoom-in").ClickAsync();
        await page.Locator("#zoom-in").ClickAsync();
        await page.Locator("#zoom-in").ClickAsync();
        await page.Locator("#canvas").FocusAsync();
        await page.Keyboard.PressAsync("Shift+Digit1");
        await canvas.ExpectEveryNodeInsideAsync("after Shift+1");
        await page.Keyboard.PressAsync("?");
        await Assertions.Expect(page.Locator("#shortcuts")).ToContainTextAsync("Shift+1");
        await Assertions.Expect(page.Locator("#shortcuts")).ToContainTextAsync("Shift+Alt+L");
    }

    private static async Task AddAsync(IPage page, string type)
    {
        var count = await page.Locator(".fd-node").CountAsync();
        await page.Locator($".fd-palette-item[data-type='{type}']").ClickAsync();
        await Assertions.Expect(page.Locator(".fd-node")).ToHaveCountAsync(count + 1);
        await new CanvasProbe(page).ExpectNodeInsideAsync($"n{count + 1}", $"after adding {type}");
    }

    private static Task ClickNodeAsync(IPage page, string id) => page.Locator($".fd-node[data-node={id}] .fd-node-head").ClickAsync();

    private static async Task<Model.Definitions.WorkflowDefinition> DraftAsync(BrowserSession session, IPage page)
    {
        await page.Locator("#save").ClickAsync();
        await Assertions.Expect(page.Locator("#save-state")).ToHaveTextAsync("Saved");
        var id = Guid.Parse(page.Url.Split('/')[^1]);
        return (await session.Host.Services.GetRequiredService<WorkflowService>().FindAsync(id, default))!.Definition;
    }

    private static async Task<Guid> ImportAsync(BrowserSession session, string json) =>
        (await session.Host.Services.GetRequiredService<WorkflowService>().ImportAsync(json, TestActors.Ann, default)).Workflow!.Id;

    private static async Task OpenAsync(BrowserSession session, Guid id)
    {
        await session.GoToAsync($"/workflows/{id}");
        await session.Page.Locator("#designer[data-ready=true]").WaitForAsync();
    }
}
