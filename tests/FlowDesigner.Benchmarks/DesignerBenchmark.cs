using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using FlowDesigner.Testing;
using Microsoft.Playwright;

namespace FlowDesigner.Benchmarks;

/// <summary>
/// The designer at size, in Debian's Chromium at 1440x900 against the Release host: how long a workflow of 150 and
/// of 500 nodes takes to open (until every node and link is drawn), and how long a rename typed in the property
/// panel takes to reach the node's card on the canvas (from the Tab that commits it, measured in the page). With
/// <c>--against PATH</c> it measures that checkout's product instead, to compare.
/// </summary>
public static class DesignerBenchmark
{
    private const string ChromiumPath = "/usr/bin/chromium";
    private const int Renames = 7;

    public static async Task<string> RunAsync(BenchmarkOptions options, TextWriter progress)
    {
        await using var sink = await Sink.StartAsync();
        await using var product = await ProductProcess.StartAsync(options.ProductConfiguration, sink.Address, checkout: options.Against);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
        var rows = new StringBuilder("| nodes | open (ms, median of 3) | rename to canvas (ms, median of 7) | slowest rename (ms) |\n| ---: | ---: | ---: | ---: |\n");
        foreach (var size in new[] { 150, 500 })
        {
            var id = await product.ImportAsync(Workflow(size));
            await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
            {
                BaseURL = product.Address.ToString(),
                ViewportSize = new ViewportSize { Width = 1440, Height = 900 },
            });
            var page = await context.NewPageAsync();
            await SignInAsync(page);
            var opens = new List<double>();
            for (var i = 0; i < 3; i++)
            {
                opens.Add(await OpenAsync(page, id, size));
            }

            // Nodes the canvas shows whole, away from the panels, to click on as a user would.
            var shown = await page.EvaluateAsync<string[]>("""
                () => { const canvas = document.querySelector('.diagram-canvas').getBoundingClientRect();
                  return [...document.querySelectorAll('.fd-node')].filter(e => { const r = e.getBoundingClientRect();
                    return r.left > canvas.left + 20 && r.right < canvas.right - 20 && r.top > canvas.top + 20 && r.bottom < canvas.bottom - 20; })
                    .map(e => e.dataset.node); }
                """);
            var renames = new List<double>();
            for (var i = 0; i < Renames; i++)
            {
                renames.Add(await RenameAsync(page, shown[(i * 7) % shown.Length], $"Renamed {size}-{i}"));
            }

            var shot = Path.Combine(RepositoryPaths.Root, "tests", "FlowDesigner.Benchmarks", "results", $"designer-{size}.png");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = shot });
            progress.WriteLine($"{size} nodes: opens {string.Join(", ", opens.Select(Ms))} ms; renames {string.Join(", ", renames.Select(Ms))} ms");
            rows.Append(CultureInfo.InvariantCulture, $"| {size} | {Ms(Median(opens))} | {Ms(Median(renames))} | {Ms(renames.Max())} |\n");
        }

        return rows.ToString();
    }

    /// <summary>Opens the designer and waits until every node's card and every link is on the canvas.</summary>
    public static async Task<double> OpenAsync(IPage page, Guid id, int size)
    {
        await page.GotoAsync("workflows");
        var watch = Stopwatch.StartNew();
        await page.GotoAsync($"workflows/{id}");
        await page.WaitForFunctionAsync(
            "n => document.querySelector('[data-interactive=true]') && document.querySelectorAll('.fd-node').length >= n && document.querySelectorAll('.diagram-link').length >= n - 1",
            size, new PageWaitForFunctionOptions { Timeout = 60_000, PollingInterval = 5 });
        return watch.Elapsed.TotalMilliseconds;
    }

    /// <summary>
    /// Selects a node, types a new name and commits it with Tab: the time, measured in the page, from the Tab's key
    /// press until the node's card on the canvas shows the name.
    /// </summary>
    public static async Task<double> RenameAsync(IPage page, string nodeId, string name)
    {
        await page.Locator($".fd-node[data-node='{nodeId}']").ClickAsync(new LocatorClickOptions { Force = true });
        var field = page.Locator("#prop-name");
        await field.WaitForAsync();
        await page.WaitForFunctionAsync("id => document.querySelector('#property-panel')?.dataset.node === id", nodeId);
        await field.FillAsync(name);
        await page.EvaluateAsync("""
            ([id, name]) => {
              let pressed = 0;
              document.addEventListener('keydown', e => { if (e.key === 'Tab') pressed = performance.now(); }, { capture: true, once: true });
              const shown = () => document.querySelector(`.fd-node[data-node='${id}'] .fd-node-name`)?.textContent === name;
              window.renamed = new Promise(resolve => {
                const watch = new MutationObserver(() => { if (pressed && shown()) { watch.disconnect(); resolve(performance.now() - pressed); } });
                watch.observe(document.querySelector('.diagram-canvas'), { subtree: true, childList: true, characterData: true });
              });
            }
            """, new object[] { nodeId, name });
        await field.PressAsync("Tab");
        return await page.EvaluateAsync<double>("() => window.renamed");
    }

    /// <summary>Debian's headless Chromium, as the end-to-end tests start it.</summary>
    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
    {
        ExecutablePath = ChromiumPath,
        Headless = true,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });

    public static async Task SignInAsync(IPage page)
    {
        await page.GotoAsync("sign-in");
        await page.Locator("#email").FillAsync(TestOwner.Email);
        await page.Locator("#password").FillAsync(TestOwner.Password);
        await page.Locator("#sign-in").ClickAsync();
        await page.Locator("#workflows-title").WaitForAsync();
    }

    /// <summary>A webhook and a chain of set nodes after it, ten to a row.</summary>
    public static string Workflow(int size)
    {
        var nodes = Enumerable.Range(0, size).Select(i => i == 0
            ? (object)new { id = "n0", type = "core.webhook", name = "Order placed", position = new { x = 0, y = 0 }, config = new { path = $"size-{size}" } }
            : new { id = $"n{i}", type = "core.set", name = $"Step {i}", position = new { x = (i % 10) * 280, y = (i / 10) * 160 }, config = new { fields = new { x = "{{ trigger.body.x }}" } } });
        var edges = Enumerable.Range(1, size - 1).Select(i => new { from = $"n{i - 1}", port = "out", to = $"n{i}" });
        return JsonSerializer.Serialize(new { schema = 1, name = $"Designer at {size} nodes", nodes, edges });
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private static string Ms(double value) => value.ToString("0", CultureInfo.InvariantCulture);
}
