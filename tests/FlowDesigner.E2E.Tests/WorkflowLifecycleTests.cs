using FlowDesigner.Testing;
using FlowDesigner.Engine.Workflows;
using FlowDesigner.Model.Runs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace FlowDesigner.E2E.Tests;

/// <summary>Every action the product names exists: Run now, Deactivate and Activate, from the list and the designer; and messages behave.</summary>
public sealed class WorkflowLifecycleTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Manual = """
        { "schema": 1, "name": "Nightly report", "nodes": [
          { "id": "start", "type": "core.manual", "name": "Start", "position": { "x": 80, "y": 120 }, "config": { "samplePayload": { "day": "2026-12-05" } } },
          { "id": "set", "type": "core.set", "name": "Summary", "position": { "x": 360, "y": 120 }, "config": { "fields": { "day": "{{ trigger.day }}" } } } ],
          "edges": [ { "from": "start", "port": "out", "to": "set" } ] }
        """;

    [Fact]
    public async Task User_RunsNow_Deactivates_AndActivatesAgain_FromTheListAndTheDesigner()
    {
        await using var session = await BrowserSession.OpenAsync(browser.Browser);
        var page = session.Page;
        var services = session.Host.Services;
        var id = await ImportAndPublishAsync(session, Manual);
        await session.GoToAsync("/workflows");
        await page.Locator(".fd-workflows[data-ready=true]").WaitForAsync();
        var row = page.Locator(".fd-workflow-table tbody tr", new() { HasText = "Nightly report" });
        await Assertions.Expect(row).ToContainTextAsync("Published v1");

        // Run now asks for the payload, starting from the trigger's own, and the run happens.
        await row.Locator(".fd-row-menu button").ClickAsync();
        await session.ScreenshotAsync("lifecycle-row-menu");
        await page.Locator(".fd-run-now").ClickAsync();
        await Assertions.Expect(page.Locator("#run-now-payload")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("\"day\": \"2026-12-05\""));
        await page.Locator("#run-now-payload").FillAsync("""{ "day": "2026-12-24" }""");
        await session.ScreenshotAsync("lifecycle-run-now");
        await page.Locator("#run-now-confirm").ClickAsync();
        await Assertions.Expect(page.GetByText("'Nightly report' is running")).ToBeVisibleAsync();
        var run = await WaitForRunAsync(services, id);
        Assert.Equal(RunStatus.Succeeded, run.Status);
        Assert.Equal(RunCause.Manual, run.Cause);

        // Deactivate asks first, then the list says so; Activate brings v1 back.
        await row.Locator(".fd-row-menu button").ClickAsync();
        await page.Locator(".fd-deactivate").ClickAsync();
        await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "Deactivate" }).ClickAsync();
        await Assertions.Expect(row).ToContainTextAsync("Deactivated");
        Assert.Null(await services.GetRequiredService<PublishService>().FindActiveAsync(id, default));
        await row.Locator(".fd-row-menu button").ClickAsync();
        await Assertions.Expect(page.Locator(".fd-run-now")).ToHaveCountAsync(0);
        await page.Locator(".fd-activate").ClickAsync();
        await Assertions.Expect(row).ToContainTextAsync("Published v1");

        // The designer shows the same state and offers the same actions.
        await row.Locator(".fd-workflow-name").ClickAsync();
        await page.Locator("#designer[data-ready=true]").WaitForAsync();
        var state = page.Locator("#publish-state");
        await Assertions.Expect(state).ToContainTextAsync("Published v1");
        await Assertions.Expect(page.Locator("#run-now")).ToBeVisibleAsync();
        await state.Locator("button").ClickAsync();
        await Assertions.Expect(page.Locator(".fd-publish-state-hint")).ToContainTextAsync("v1 is active: new events run it.");
        await session.ScreenshotAsync("lifecycle-designer-state");
        await page.Locator(".fd-deactivate").ClickAsync();
        await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "Deactivate" }).ClickAsync();
        await Assertions.Expect(state).ToContainTextAsync("Deactivated");
        await Assertions.Expect(page.Locator("#run-now")).ToHaveCountAsync(0);
        await state.Locator("button").ClickAsync();
        await page.Locator(".fd-activate").ClickAsync();
        await Assertions.Expect(state).ToContainTextAsync("Published v1");

        // An edit saved since makes it "Changed since v1".
        await page.Locator(".fd-node[data-node=set] .fd-node-head").ClickAsync();
        var name = page.Locator("#prop-name");
        await name.FillAsync("Daily summary");
        await name.PressAsync("Tab");
        await page.Locator("#save").ClickAsync();
        await Assertions.Expect(state).ToContainTextAsync("Changed since v1");
    }

    [Fact]
    public async Task PublishIsDisabledWithTheReason_WhileProblemsBlockIt()
    {
        await using var session = await BrowserSession.OpenAsync(browser.Browser);
        var page = session.Page;
        var imported = await session.Host.Services.GetRequiredService<WorkflowService>().ImportAsync("""
            { "schema": 1, "name": "Half done", "nodes": [
              { "id": "hook", "type": "core.webhook", "name": "Hook", "position": { "x": 80, "y": 120 }, "config": { "path": "half" } },
              { "id": "mail", "type": "email.send", "name": "Send email", "position": { "x": 360, "y": 120 }, "config": {} } ] }
            """, TestActors.Ann, default);
        await session.GoToAsync($"/workflows/{imported.Workflow!.Id}");
        await page.Locator("#designer[data-ready=true]").WaitForAsync();

        await Assertions.Expect(page.Locator("#publish")).ToBeDisabledAsync();
        await Assertions.Expect(page.Locator("#publish-wrap")).ToHaveAttributeAsync("title", new System.Text.RegularExpressions.Regex("Fix the \\d+ problems listed in the problems bar first"));
        await Assertions.Expect(page.Locator("#publish-state")).ToContainTextAsync("Draft");
        await page.Locator("#problems-toggle").ClickAsync();
        await Assertions.Expect(page.Locator("#problems-list")).ToContainTextAsync("'Send email' is not connected to the trigger: link it or delete it.");
        await page.Locator("#publish-wrap").HoverAsync();
        await session.ScreenshotAsync("lifecycle-publish-disabled");
    }

    [Fact]
    public async Task Messages_HideAfterTenSeconds_StayBelowDialogs_AndStayOnTheirPage()
    {
        await using var session = await BrowserSession.OpenAsync(browser.Browser);
        var page = session.Page;
        var id = await ImportAndPublishAsync(session, Manual);
        await session.GoToAsync("/workflows");
        await page.Locator(".fd-workflows[data-ready=true]").WaitForAsync();
        var row = page.Locator(".fd-workflow-table tbody tr", new() { HasText = "Nightly report" });

        // Deactivated behind the list's back: Run now is refused with an error message that carries no action.
        await session.Host.Services.GetRequiredService<PublishService>().DeactivateAsync(id, TestActors.Someone, default);
        await row.Locator(".fd-row-menu button").ClickAsync();
        await page.Locator(".fd-run-now").ClickAsync();
        await page.Locator("#run-now-confirm").ClickAsync();
        var message = page.Locator(".mud-snackbar", new() { HasText = "has no active version" });
        await Assertions.Expect(message).ToBeVisibleAsync();

        // A dialog opened meanwhile is above the message: what lies where the message is belongs to the dialog's overlay.
        await row.Locator(".fd-row-menu button").ClickAsync();
        await page.GetByRole(AriaRole.Menuitem, new() { Name = "Rename" }).ClickAsync();
        await page.Locator("#workflow-name-submit").WaitForAsync();
        var box = (await message.BoundingBoxAsync())!;
        var (x, y) = ((double)box.X + (box.Width / 2), (double)box.Y + (box.Height / 2));
        var onTop = await page.EvaluateAsync<bool>(
            $"() => !!document.elementFromPoint({x.ToString(System.Globalization.CultureInfo.InvariantCulture)}, {y.ToString(System.Globalization.CultureInfo.InvariantCulture)})?.closest('.mud-snackbar')");
        Assert.False(onTop, "The message covers the dialog.");
        await page.Locator("#workflow-name-submit").ClickAsync(); // not covered: the click lands
        await Assertions.Expect(page.Locator("#workflow-name-submit")).ToHaveCountAsync(0);

        // It hides by itself within its ten seconds.
        await Assertions.Expect(message).ToHaveCountAsync(0, new() { Timeout = 15_000 });

        // And a message does not follow the user to another page.
        await row.Locator(".fd-row-menu button").ClickAsync();
        await page.Locator(".fd-activate").ClickAsync();
        await Assertions.Expect(page.GetByText("is active again on v1")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Credentials" }).ClickAsync();
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToHaveCountAsync(0);
    }

    private static async Task<Guid> ImportAndPublishAsync(BrowserSession session, string json)
    {
        var services = session.Host.Services;
        var imported = await services.GetRequiredService<WorkflowService>().ImportAsync(json, TestActors.Ann, default);
        var published = await services.GetRequiredService<PublishService>().PublishAsync(imported.Workflow!.Id, null, TestActors.Ann, default);
        Assert.True(published.Published);
        return imported.Workflow.Id;
    }

    private static async Task<RunRecord> WaitForRunAsync(IServiceProvider services, Guid workflowId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var runs = await services.GetRequiredService<IRunStore>().ListRunsAsync(workflowId, 0, 1, default);
            if (runs is [{ IsTerminal: true } run])
            {
                return run;
            }

            Assert.True(DateTime.UtcNow < deadline, "The run did not end in time.");
            await Task.Delay(100);
        }
    }
}
