using System.Text.Json;
using Microsoft.Playwright;

namespace FlowDesigner.E2E.Tests;

/// <summary>
/// Reads the designer's canvas as the browser draws it: where the canvas, the nodes and the minimap are on the screen,
/// whether each link has a drawn path, how large node text is, and whether the canvas has scrolled.
/// </summary>
public sealed class CanvasProbe(IPage page)
{
    public async Task<Rect> CanvasAsync() => Rect.Of(await EvaluateAsync("""
        () => { const r = document.querySelector('.fd-canvas').getBoundingClientRect(); return { x: r.x, y: r.y, width: r.width, height: r.height }; }
        """));

    public async Task<IReadOnlyDictionary<string, Rect>> NodesAsync() => (await EvaluateAsync("""
        () => Object.fromEntries([...document.querySelectorAll('.fd-node')].map(n => {
            const r = n.getBoundingClientRect();
            return [n.dataset.node, { x: r.x, y: r.y, width: r.width, height: r.height }];
        }))
        """)).EnumerateObject().ToDictionary(p => p.Name, p => Rect.Of(p.Value));

    /// <summary>Waits until every node's card lies inside the canvas, clear of the minimap (the view may still be moving), and fails if it never does.</summary>
    public async Task ExpectEveryNodeInsideAsync(string when)
    {
        var outside = new List<string>();
        for (var attempt = 0; attempt < 40; attempt++)
        {
            var canvas = await CanvasAsync();
            var minimap = await MinimapAsync();
            outside = [.. (await NodesAsync()).Where(n => !canvas.Holds(n.Value) || minimap.Overlaps(n.Value)).Select(n => $"{n.Key} at {n.Value}")];
            if (outside.Count == 0)
            {
                return;
            }

            await Task.Delay(50);
        }

        Assert.Fail($"{when}: nodes outside the canvas {await CanvasAsync()} or under the minimap {await MinimapAsync()}: {string.Join(", ", outside)}");
    }

    public async Task ExpectNodeInsideAsync(string nodeId, string when)
    {
        for (var attempt = 0; attempt < 40; attempt++)
        {
            if ((await NodesAsync()).TryGetValue(nodeId, out var node) && (await CanvasAsync()).Holds(node))
            {
                return;
            }

            await Task.Delay(50);
        }

        Assert.Fail($"{when}: node {nodeId} is not inside the canvas {await CanvasAsync()}");
    }

    /// <summary>Waits until the node's card on the screen is as wanted (the view moves after the browser's event), and fails if it never is.</summary>
    public async Task<Rect> NodeOnceAsync(string nodeId, Func<Rect, bool> wanted, string what)
    {
        var node = (await NodesAsync())[nodeId];
        for (var attempt = 0; attempt < 40 && !wanted(node); attempt++)
        {
            await Task.Delay(50);
            node = (await NodesAsync())[nodeId];
        }

        Assert.True(wanted(node), $"{what}: {nodeId} is at {node}");
        return node;
    }

    /// <summary>
    /// Every edge of the workflow has a link with a drawn path of some length, and no point of
    /// any path lies inside the card of a node it joins (a few pixels in from its edges, where the ports sit).
    /// </summary>
    public async Task ExpectLinksDrawnAsync(int edges, string when)
    {
        await Assertions.Expect(page.Locator(".diagram-link")).ToHaveCountAsync(edges);
        var report = await LinksAsync();
        static bool Drawn(JsonElement links) =>
            links.EnumerateArray().All(l => l.GetProperty("length").GetDouble() > 1 && l.GetProperty("through").GetInt32() == 0);
        for (var attempt = 0; attempt < 40 && !Drawn(report); attempt++)
        {
            await Task.Delay(50); // a link is drawn once the browser has placed (or, after the canvas moved, placed again) its ports
            report = await LinksAsync();
        }

        var links = report.EnumerateArray().ToList();
        Assert.True(links.All(l => l.GetProperty("length").GetDouble() > 1), $"{when}: a link has no drawn path: {report}");
        Assert.True(links.All(l => l.GetProperty("through").GetInt32() == 0), $"{when}: a link runs through a node: {report}");
    }

    /// <summary>Each link's drawn length, and how many of 41 points along it lie inside the card of a node it joins.</summary>
    private Task<JsonElement> LinksAsync() => EvaluateAsync("""
        () => {
          const cards = [...document.querySelectorAll('.fd-node')].map(n => n.getBoundingClientRect());
          const near = (p, c) => p.x > c.left - 12 && p.x < c.right + 12 && p.y > c.top - 12 && p.y < c.bottom + 12;
          const inside = (p, c) => p.x > c.left + 8 && p.x < c.right - 8 && p.y > c.top + 8 && p.y < c.bottom - 8;
          return [...document.querySelectorAll('.diagram-link')].map(link => {
            const path = link.querySelector('path');
            if (!path || !path.getAttribute('d')) return { length: 0, through: 0 };
            const length = path.getTotalLength();
            const matrix = path.getScreenCTM();
            const at = f => { const p = path.getPointAtLength(length * f); return new DOMPoint(p.x, p.y).matrixTransform(matrix); };
            const joined = cards.filter(c => near(at(0), c) || near(at(1), c));
            let through = 0;
            for (let i = 0; i <= 40; i++) {
              const s = at(i / 40);
              if (joined.some(c => inside(s, c))) through++;
            }
            return { length, through };
          });
        }
        """);

    /// <summary>The smallest node text on the screen, in pixels: the cards' font sizes times the canvas's zoom.</summary>
    public Task<double> SmallestTextAsync() => page.EvaluateAsync<double>("""
        () => {
          const layer = document.querySelector('.diagram-html-layer');
          const zoom = new DOMMatrix(getComputedStyle(layer).transform).a;
          const sizes = [...document.querySelectorAll('.fd-node-name, .fd-node-type, .fd-port-label')].map(e => parseFloat(getComputedStyle(e).fontSize));
          return Math.min(...sizes) * zoom;
        }
        """);

    /// <summary>Whether the canvas or anything inside it that could scroll has moved its content (it must never).</summary>
    public Task<bool> ScrolledAsync() => page.EvaluateAsync<bool>("""
        () => [document.querySelector('.fd-canvas'), document.querySelector('.diagram-canvas')].some(e => e.scrollLeft !== 0 || e.scrollTop !== 0)
        """);

    public async Task<Rect> MinimapAsync() => Rect.Of((await page.Locator("#minimap").BoundingBoxAsync())!);

    /// <summary>Clicks the node's mark in the minimap, which centres the view on it.</summary>
    public async Task ShowNodeAsync(string nodeId)
    {
        var mark = page.Locator($"#minimap [data-id='{nodeId}']");
        var box = await mark.BoundingBoxAsync();
        for (var attempt = 0; attempt < 40 && box is null; attempt++)
        {
            await Task.Delay(50); // the map draws a node once the browser has measured it
            box = await mark.BoundingBoxAsync();
        }

        Assert.True(box is not null, $"{nodeId} has no mark in the minimap");
        await page.Mouse.ClickAsync(box.X + (box.Width / 2), box.Y + (box.Height / 2));
        await ExpectNodeInsideAsync(nodeId, $"after clicking {nodeId} in the minimap");
    }

    /// <summary>Runs the script in the page and reads its result as JSON.</summary>
    private async Task<JsonElement> EvaluateAsync(string script)
    {
        var json = await page.EvaluateAsync<string>($"() => JSON.stringify(({script.Trim()})())");
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    public sealed record Rect(float X, float Y, float Width, float Height)
    {
        public float Right => X + Width;

        public float Bottom => Y + Height;

        public static Rect Of(LocatorBoundingBoxResult box) => new(box.X, box.Y, box.Width, box.Height);

        public static Rect Of(JsonElement box) =>
            new(box.GetProperty("x").GetSingle(), box.GetProperty("y").GetSingle(), box.GetProperty("width").GetSingle(), box.GetProperty("height").GetSingle());

        public bool Holds(Rect other) =>
            other.X >= X - 0.5 && other.Y >= Y - 0.5 && other.Right <= Right + 0.5 && other.Bottom <= Bottom + 0.5;

        public bool Overlaps(Rect other) => X < other.Right && other.X < Right && Y < other.Bottom && other.Y < Bottom;

        public override string ToString() => $"({X:0},{Y:0} {Width:0}x{Height:0})";
    }
}
