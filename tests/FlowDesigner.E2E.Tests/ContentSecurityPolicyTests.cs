using FlowDesigner.Engine.Workflows;
using FlowDesigner.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace FlowDesigner.E2E.Tests;

/// <summary>The pages run under the content security policy: no script, style or connection is refused on any of them.</summary>
public sealed class ContentSecurityPolicyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task EveryPage_AndItsDialogs_RunWithoutAPolicyViolation()
    {
        await using var session = await BrowserSession.OpenAsync(browser.Browser);
        var page = session.Page;
        var refused = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                refused.Add(message.Text);
            }
        };
        var imported = await session.Host.Services.GetRequiredService<WorkflowService>().ImportAsync(ReferenceOrder.Workflow(), TestActors.Ann, default);

        await session.GoToAsync("/workflows");
        await page.Locator(".fd-workflows[data-ready=true]").WaitForAsync();
        await page.Locator("#new-workflow").ClickAsync();
        await page.Locator("input#workflow-name").WaitForAsync();
        await page.Keyboard.PressAsync("Escape");

        await session.GoToAsync($"/workflows/{imported.Workflow!.Id}");
        await page.Locator("#designer[data-ready=true]").WaitForAsync();
        await page.Locator(".fd-node[data-node=hook] .fd-node-head").ClickAsync();
        await page.Locator("#test-run").ClickAsync();
        await page.Locator("#test-payload").WaitForAsync();
        await page.Keyboard.PressAsync("Escape");

        await session.GoToAsync("/credentials");
        await page.Locator("#new-credential").ClickAsync();
        await page.Locator(".mud-dialog").WaitForAsync();
        await page.Keyboard.PressAsync("Escape");
        await session.GoToAsync("/no-such-page");

        Assert.Empty(refused);
    }
}
