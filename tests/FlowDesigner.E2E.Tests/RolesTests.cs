using System.Net;
using System.Net.Http.Json;
using FlowDesigner.Engine.Workflows;
using FlowDesigner.Model.Users;
using FlowDesigner.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace FlowDesigner.E2E.Tests;

/// <summary>A team on a fresh install: the owner sets it up, adds a Designer and an Operator, and each is refused what their role may not do.</summary>
public sealed class RolesTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string OwnerPassword = "owner's long password";

    [Fact]
    public async Task TheOwner_SetsUp_AddsADesignerAndAnOperator_WhoAreRefusedWhatTheirRolesMayNotDo()
    {
        await using var session = await BrowserSession.OpenAsync(browser.Browser, signIn: false, host: new FlowDesignerHost { WithOwner = false });
        var page = session.Page;
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                violations.Add($"{page.Url}: {message.Text}");
            }
        };

        // Every page leads to the one-time set-up, which creates the owner and signs them in.
        await page.GotoAsync("/credentials");
        Assert.EndsWith("/setup", page.Url);
        await session.ScreenshotAsync("roles-setup");
        await page.Locator("#name").FillAsync("Ann Owner");
        await page.Locator("#email").FillAsync("ann@example.test");
        await page.Locator("#password").FillAsync(OwnerPassword);
        await page.Locator("#confirm").FillAsync(OwnerPassword);
        await page.Locator("#create-owner").ClickAsync();
        await page.Locator("#workflows-title").WaitForAsync();
        Assert.Contains("Ann Owner", await page.Locator("#signed-in-as").InnerTextAsync());
        Assert.Equal((int)HttpStatusCode.NotFound, (await page.GotoAsync("/setup"))!.Status);

        // The Admin creates a Designer and an Operator, each with a one-time password.
        var designerPassword = await CreateUserAsync(session, "dan@example.test", "Dan Designer", "Designer");
        var operatorPassword = await CreateUserAsync(session, "olga@example.test", "Olga Operator", "Operator");
        await session.ScreenshotAsync("roles-users");
        var workflow = await session.Host.Services.GetRequiredService<WorkflowService>().CreateAsync("Orders", TestActors.Ann, default);

        // The Designer builds, and is refused credentials, users, the audit log and the job dashboard.
        await SignOutAsync(page);
        await SignInAsync(page, "dan@example.test", designerPassword);
        Assert.Equal(1, await page.Locator("#new-workflow").CountAsync());
        await session.GoToAsync($"/workflows/{workflow.Id}");
        await page.Locator("#designer[data-ready=true]").WaitForAsync();
        await AssertRefusedAsync(session, "/credentials", "/users", "/audit", "/settings/retention", "/hangfire");
        await session.ScreenshotAsync("roles-designer-refused");

        // The Operator views workflows and is refused publishing (the designer and the API) and what the Designer is.
        await SignOutAsync(page);
        await SignInAsync(page, "olga@example.test", operatorPassword);
        await page.Locator("#dashboard[data-ready=true]").WaitForAsync();
        Assert.EndsWith("/dashboard", page.Url);
        await page.Locator("[data-interactive=true]").WaitForAsync();
        await page.Locator("#nav-workflows").ClickAsync();
        await page.Locator(".fd-workflows[data-ready=true]").WaitForAsync();
        Assert.Equal(1, await page.Locator(".fd-workflow-name", new() { HasText = "Orders" }).CountAsync());
        Assert.Equal(0, await page.Locator("#new-workflow").CountAsync());
        await session.ScreenshotAsync("roles-operator-workflows");
        await page.Locator(".fd-workflow-name", new() { HasText = "Orders" }).ClickAsync();
        await Assertions.Expect(page.Locator("#versions")).ToContainTextAsync("Not published yet");
        await AssertRefusedAsync(session, $"/workflows/{workflow.Id}", "/credentials", "/users", "/audit", "/settings/retention", "/hangfire");
        using var operatorApi = await session.Host.ApiClientAsync(Role.Operator);
        Assert.Equal(HttpStatusCode.Forbidden, (await operatorApi.PostAsJsonAsync($"/api/workflows/{workflow.Id}/publish", new { })).StatusCode);

        // The Admin sees what they did in the audit log.
        await SignOutAsync(page);
        await SignInAsync(page, "ann@example.test", OwnerPassword);
        await session.GoToAsync("/audit");
        await page.Locator("#audit-entries[data-ready=true]").WaitForAsync();
        var entries = page.Locator(".fd-audit-entry", new() { HasText = "Ann Owner" });
        await Assertions.Expect(entries.Filter(new() { HasText = "Created user dan@example.test as Designer" })).ToHaveCountAsync(1);
        await Assertions.Expect(entries.Filter(new() { HasText = "Created user olga@example.test as Operator" })).ToHaveCountAsync(1);
        await session.ScreenshotAsync("roles-audit");

        Assert.Empty(violations);
    }

    private static async Task<string> CreateUserAsync(BrowserSession session, string email, string name, string role)
    {
        var page = session.Page;
        await session.GoToAsync("/users");
        await page.Locator("#users[data-ready=true]").WaitForAsync();
        await page.Locator("#new-user").ClickAsync();
        await page.Locator("#new-user-email").FillAsync(email);
        await page.Locator("#new-user-name").FillAsync(name);
        await page.Locator(".mud-dialog .mud-select").First.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = role + ":" }).ClickAsync();
        await page.Locator("#new-user-create").ClickAsync();
        await Assertions.Expect(page.Locator("#one-time-password-alert")).ToContainTextAsync(email);
        await Assertions.Expect(page.Locator(".fd-user-email", new() { HasText = email })).ToHaveCountAsync(1);
        return (await page.Locator("#one-time-password").InnerTextAsync()).Trim();
    }

    private static async Task AssertRefusedAsync(BrowserSession session, params string[] paths)
    {
        foreach (var path in paths)
        {
            await session.Page.GotoAsync(path);
            Assert.Contains("/access-denied", session.Page.Url);
            await Assertions.Expect(session.Page.Locator("#access-denied")).ToBeVisibleAsync();
        }
    }

    private static async Task SignOutAsync(IPage page)
    {
        await page.GotoAsync("/");
        await page.Locator("#sign-out").ClickAsync();
        await page.Locator("#email").WaitForAsync();
    }

    private static async Task SignInAsync(IPage page, string email, string password)
    {
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(password);
        await page.Locator("#sign-in").ClickAsync();
        await page.Locator("#workflows-title, #dashboard-title").First.WaitForAsync(); // an Operator's home is the dashboard
    }
}
