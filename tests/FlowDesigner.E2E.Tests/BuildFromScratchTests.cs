using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FlowDesigner.Engine.Workflows;
using FlowDesigner.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace FlowDesigner.E2E.Tests;

/// <summary>An analyst builds the order workflow from an empty canvas with the mouse and the keyboard only.</summary>
public sealed class BuildFromScratchTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Analyst_BuildsTheOrderWorkflow_TestsIt_PublishesIt_AndTheWebhookAnswers()
    {
        await using var sink = await HttpSink.StartAsync();
        await using var session = await BrowserSession.OpenAsync(browser.Browser);
        var page = session.Page;
        var created = await session.Host.Services.GetRequiredService<WorkflowService>().CreateAsync("Order fulfilment", TestActors.Ann, default);
        await session.GoToAsync($"/workflows/{created.Id}");
        await page.Locator("#designer[data-ready=true]").WaitForAsync();

        // Six nodes dragged from the palette, each filled in while it is selected.
        await DropAsync(page, "core.webhook", 20, 20);
        await TypeAsync(page, "path", "orders");
        await ChooseAsync(page, "respond", "When the run finishes, with its output");

        await DropAsync(page, "core.set", 280, 20);
        await AddNamedValueAsync(page, "fields", 0, "orderId", "{{ trigger.body.order.increment_id }}");
        await AddNamedValueAsync(page, "fields", 1, "lines", "{{ trigger.body.order.items }}");

        await DropAsync(page, "core.for-each", 20, 160);
        await TypeAsync(page, "items", "{{ steps['Set fields'].lines }}");

        await DropAsync(page, "core.condition", 280, 160);
        await TypeAsync(page, "condition", "{{ item.type === 'service' }}");

        await DropAsync(page, "http.request", 20, 300);
        await TypeAsync(page, "url", sink.Url("servicenow/incident"));
        await TypeAsync(page, "body", """{ "short_description": "Install {{ item.sku }} for order {{ steps['Set fields'].orderId }}" }""");

        await DropAsync(page, "http.request", 280, 300);
        await TypeAsync(page, "url", sink.Url("netsuite/salesorder"));
        await TypeAsync(page, "body", "{{ ({ sku: item.sku, quantity: item.qty }) }}");
        await Assertions.Expect(page.Locator(".fd-node")).ToHaveCountAsync(6);

        // Linked port to port with the mouse.
        await LinkAsync(page, "n1", "out", "n2");
        await LinkAsync(page, "n2", "out", "n3");
        await LinkAsync(page, "n3", "each", "n4");
        await LinkAsync(page, "n4", "true", "n5");
        await LinkAsync(page, "n4", "false", "n6");
        await Assertions.Expect(page.Locator(".diagram-link")).ToHaveCountAsync(5);
        await page.Locator("#problems-toggle").ClickAsync();
        await Assertions.Expect(page.Locator("#problems")).ToContainTextAsync("can be published");
        await session.ScreenshotAsync("designer-built-from-scratch");

        // Saved with the keyboard, and all there after a reload.
        await page.Locator("#canvas").FocusAsync();
        await page.Keyboard.PressAsync("Control+s");
        await Assertions.Expect(page.Locator("#save-state")).ToHaveTextAsync("Saved");
        await page.ReloadAsync();
        await page.Locator("#designer[data-ready=true]").WaitForAsync();
        await Assertions.Expect(page.Locator(".fd-node")).ToHaveCountAsync(6);
        await Assertions.Expect(page.Locator(".diagram-link")).ToHaveCountAsync(5);
        await page.Locator(".fd-node[data-node=n1] .fd-node-head").ClickAsync();
        await Assertions.Expect(page.Locator("#property-panel [data-property=path] input")).ToHaveValueAsync("orders");

        // A test run with a sample order calls both systems and shows every node's result.
        var order = ReferenceOrder.Order("000000555", 3);
        await page.Locator("#test-run").ClickAsync();
        await page.Locator("#test-payload").FillAsync(JsonSerializer.Serialize(new { body = order }));
        await page.Locator("#test-run-start").ClickAsync();
        await Assertions.Expect(page.GetByText("Test run succeeded")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".fd-node[data-node=n5] .fd-status-succeeded")).ToBeVisibleAsync();
        await session.ScreenshotAsync("designer-built-test-run");
        Assert.Single(sink.To("/servicenow/incident"));
        Assert.Equal(2, sink.To("/netsuite/salesorder").Count);

        // Published, then the real webhook answers with the run's output.
        await page.Locator("#publish").ClickAsync();
        await Assertions.Expect(page.Locator("#publish-warnings")).ToContainTextAsync("starts a run for anyone who knows its URL");
        await page.Locator("#publish-note").FillAsync("First version");
        await page.Locator("#publish-confirm").ClickAsync();
        await Assertions.Expect(page.GetByText("Published as v1")).ToBeVisibleAsync();

        using var http = new HttpClient { BaseAddress = session.Address };
        var response = await http.PostAsJsonAsync("hooks/orders", order);
        var answer = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, answer);
        Assert.Contains("Install INSTALL for order 000000555", sink.To("/servicenow/incident").Last().Body);
        Assert.Equal(4, sink.To("/netsuite/salesorder").Count);
    }

    private static async Task DropAsync(IPage page, string type, int x, int y)
    {
        var before = await page.Locator(".fd-node").CountAsync();
        await page.Locator($".fd-palette-item[data-type='{type}']").DragToAsync(page.Locator("#canvas"), new() { TargetPosition = new() { X = x + 10, Y = y + 10 } });
        await Assertions.Expect(page.Locator(".fd-node")).ToHaveCountAsync(before + 1);
        await Assertions.Expect(page.Locator("#property-panel")).ToBeVisibleAsync();
    }

    private static async Task TypeAsync(IPage page, string property, string text)
    {
        var field = page.Locator($"#property-panel [data-property={property}]").Locator("input, textarea").First;
        await field.FillAsync(text);
        await field.PressAsync("Tab");
        if (text.StartsWith("{ ", StringComparison.Ordinal))
        {
            // JSON comes back laid out on several lines.
            await Assertions.Expect(field).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(@"Install \{\{ item\.sku \}\} for order \{\{ steps\['Set fields'\]\.orderId \}\}"));
        }
        else
        {
            await Assertions.Expect(field).ToHaveValueAsync(text);
        }
    }

    private static async Task ChooseAsync(IPage page, string property, string option)
    {
        await page.Locator($"#property-panel [data-property={property}] .mud-select").First.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = option }).ClickAsync();
        await Assertions.Expect(page.Locator($"#property-panel [data-property={property}]")).ToContainTextAsync(option[..20]);
    }

    private static async Task AddNamedValueAsync(IPage page, string property, int row, string name, string value)
    {
        var editor = page.Locator($"#property-panel [data-property={property}]");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Add" }).ClickAsync();
        var inputs = editor.Locator(".fd-keyvalue-row").Nth(row).Locator("input");
        await inputs.Nth(0).FillAsync(name);
        await inputs.Nth(0).PressAsync("Tab");
        await inputs.Nth(1).FillAsync(value);
        await inputs.Nth(1).PressAsync("Tab");
        await Assertions.Expect(inputs.Nth(1)).ToHaveValueAsync(value);
    }

    private static async Task LinkAsync(IPage page, string from, string port, string to)
    {
        var links = await page.Locator(".diagram-link").CountAsync();
        var source = await BoxAsync(page.Locator($".fd-node[data-node={from}] .fd-node-output[data-port={port}] .fd-port-out"));
        var target = await BoxAsync(page.Locator($".fd-node[data-node={to}] .fd-port-in"));
        await page.Mouse.MoveAsync(source.X + (source.Width / 2), source.Y + (source.Height / 2));
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(target.X + (target.Width / 2), target.Y + (target.Height / 2), new() { Steps = 12 });
        await page.Mouse.UpAsync();
        await Assertions.Expect(page.Locator(".diagram-link")).ToHaveCountAsync(links + 1);
    }

    /// <summary>Where an element is once it is on the page (the canvas redraws its nodes after each edit).</summary>
    private static async Task<LocatorBoundingBoxResult> BoxAsync(ILocator locator)
    {
        for (var tries = 0; ; tries++)
        {
            await locator.WaitForAsync();
            var box = await locator.BoundingBoxAsync();
            if (box is not null || tries == 20)
            {
                return box ?? throw new InvalidOperationException($"{locator} has no position on the page.");
            }

            await Task.Delay(50);
        }
    }
}
