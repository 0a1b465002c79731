using FlowDesigner.Model.Runs;
using FlowDesigner.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace FlowDesigner.E2E.Tests;

/// <summary>An operator follows a failure from the Workflows list to the failing step, mends the cause and retries from it.</summary>
public sealed class OperatorTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Operator_OpensAFailedRunFromTheFailureLink_SeesTheError_RetriesFromTheFailedStep_AndWatchesItTurnGreen()
    {
        await using var sink = await HttpSink.StartAsync();
        var broken = false;
        sink.On("/incident", (context, _) =>
        {
            context.Response.StatusCode = broken ? 503 : 201;
            return broken ? context.Response.WriteAsync("{\"error\":\"field service is down for maintenance\"}") : context.Response.WriteAsJsonAsync(new { number = "INC0010001" });
        });
        await using var session = await BrowserSession.OpenAsync(browser.Browser);
        var (page, services) = (session.Page, session.Host.Services);
        var driver = new EngineDriver(services);
        var workflowId = await driver.PublishAsync($$$"""
            { "schema": 1, "name": "Order fulfilment", "nodes": [
              { "id": "hook", "type": "core.webhook", "name": "Order placed", "config": { "path": "orders", "runTitle": "Order {{ trigger.body.order }}" }, "position": { "x": 40, "y": 80 } },
              { "id": "crm", "type": "http.request", "name": "Create CRM order", "config": { "url": "{{{sink.Url("crm")}}}", "method": "POST" }, "retry": { "maxAttempts": 1 }, "position": { "x": 300, "y": 80 } },
              { "id": "incident", "type": "http.request", "name": "Open incident", "config": { "url": "{{{sink.Url("incident")}}}", "method": "POST" },
                "retry": { "maxAttempts": 2, "backoff": "fixed", "initialSeconds": 0.3 }, "position": { "x": 560, "y": 80 } },
              { "id": "ship", "type": "http.request", "name": "Send to warehouse", "config": { "url": "{{{sink.Url("ship")}}}", "method": "POST" }, "retry": { "maxAttempts": 1 }, "position": { "x": 820, "y": 80 } } ],
              "edges": [ { "from": "hook", "port": "out", "to": "crm" }, { "from": "crm", "port": "out", "to": "incident" }, { "from": "incident", "port": "out", "to": "ship" } ] }
            """);
        await driver.WaitForRunAsync(EngineDriver.RunIdOf(await driver.PostAsync("orders", new { order = 1041 })));
        broken = true;
        var failed = EngineDriver.RunIdOf(await driver.PostAsync("orders", new { order = 1042 }));
        Assert.Equal(RunStatus.Failed, (await driver.WaitForRunAsync(failed)).Run.Status);

        // The dashboard: the failing workflow's failure is counted and listed among the latest, linking to its run.
        await session.GoToAsync("/dashboard");
        await page.Locator("#dashboard[data-ready=true]").WaitForAsync();
        await Assertions.Expect(page.Locator("#kpi-failed-hour")).ToHaveTextAsync("1");
        var row = page.Locator($".fd-dashboard-workflow[data-workflow='{workflowId}']");
        await Assertions.Expect(row).ToContainTextAsync("Order fulfilment");
        await Assertions.Expect(row.Locator(".fd-dashboard-failed")).ToHaveTextAsync("1");
        var failure = page.Locator($".fd-dashboard-failure[data-run='{failed}']");
        await Assertions.Expect(failure).ToContainTextAsync("Order 1042");
        await Assertions.Expect(failure).ToContainTextAsync("503");
        await Assertions.Expect(page.Locator(".fd-dashboard-slow")).Not.ToHaveCountAsync(0);
        await session.ScreenshotAsync("operator-dashboard");
        await failure.Locator(".fd-dashboard-failure-link").ClickAsync();
        await page.Locator("#run-page[data-status=failed]").WaitForAsync();
        Assert.EndsWith($"/runs/{failed}", page.Url);

        // The Workflows list says one failed today, as a link to those runs.
        await session.GoToAsync("/workflows");
        var failures = page.Locator(".fd-failed-link");
        await Assertions.Expect(failures).ToHaveTextAsync("1 failed");
        await session.ScreenshotAsync("operator-workflows-failure-link");
        await failures.ClickAsync();
        await page.Locator(".fd-runs[data-ready=true]").WaitForAsync();
        await Assertions.Expect(page.Locator(".fd-run-row")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator(".fd-run-row")).ToContainTextAsync("Order 1042");
        Assert.Contains($"workflow={workflowId}", page.Url);
        await session.ScreenshotAsync("operator-runs-failed");

        // The run page: the failing step is selected, its error on the timeline's bar and in the step panel; both attempts show.
        await page.Locator(".fd-run-link").ClickAsync();
        await page.Locator("#run-page[data-status=failed]").WaitForAsync();
        var failedBars = page.Locator("#run-timeline .fd-timeline-bar[data-status=failed]:not(.fd-timeline-wait)");
        await Assertions.Expect(failedBars).ToHaveCountAsync(2);
        Assert.Contains("field service is down", await failedBars.Last.GetAttributeAsync("title"));
        await Assertions.Expect(page.Locator("#run-timeline .fd-timeline-wait")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#step-name")).ToHaveTextAsync("Open incident");
        await Assertions.Expect(page.Locator("#step-error")).ToContainTextAsync("503");
        await Assertions.Expect(page.Locator("#run-graph [data-node=incident]")).ToHaveAttributeAsync("data-status", "failed");
        await Assertions.Expect(page.Locator("#run-graph [data-node=ship]")).ToHaveAttributeAsync("data-status", "none");
        await session.ScreenshotAsync("operator-run-failed");

        // The cause is fixed; the retry runs the failed step and what follows, and the page it opens turns green.
        broken = false;
        await page.Locator("#run-retry").ClickAsync();
        await page.Locator("#run-page[data-status=succeeded]").WaitForAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("#run-cause")).ToContainTextAsync("Retry");
        await Assertions.Expect(page.Locator(".fd-step-row").Filter(new() { HasText = "Create CRM order" })).ToContainTextAsync("(reused)");
        await Assertions.Expect(page.Locator("#run-timeline .fd-timeline-bar[data-status=failed]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#run-graph [data-status=succeeded]")).ToHaveCountAsync(4);
        await session.ScreenshotAsync("operator-run-retried");
        Assert.Equal((2, 2), (sink.To("/crm").Count, sink.To("/ship").Count));
    }
}
