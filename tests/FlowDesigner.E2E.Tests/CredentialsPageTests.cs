using FlowDesigner.Testing;
using FlowDesigner.Engine.Credentials;
using FlowDesigner.Engine.Workflows;
using FlowDesigner.Testing.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace FlowDesigner.E2E.Tests;

public sealed class CredentialsPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Admin_AddsAndTestsASalesforceCredential_WhoseSecretIsNeverSentBack()
    {
        await using var salesforce = await FakeSalesforce.StartNewAsync();
        await using var session = await BrowserSession.OpenAsync(browser.Browser);
        var page = session.Page;
        await session.GoToAsync("/credentials");
        await Assertions.Expect(page.GetByText("No credentials yet")).ToBeVisibleAsync();

        await page.Locator("#new-credential").ClickAsync();
        await page.Locator(".mud-dialog .mud-select").First.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex("^Salesforce$") }).ClickAsync();
        await page.Locator("#credential-name").FillAsync("CRM production");
        await page.Locator("[data-field=loginUrl] input").FillAsync(salesforce.Url("/"));
        await page.Locator("[data-field=clientId] input").FillAsync(FakeSalesforce.ClientId);
        await page.Locator("[data-field=clientSecret] input").FillAsync(FakeSalesforce.ClientSecret);
        await session.ScreenshotAsync("credentials-new");
        await page.Locator("#credential-test").ClickAsync();

        await Assertions.Expect(page.Locator("#credential-test-result")).ToContainTextAsync("Signed in to");
        await Assertions.Expect(page.Locator("[data-field=clientSecret] .fd-secret-set")).ToBeVisibleAsync();
        await session.ScreenshotAsync("credentials-tested");
        Assert.DoesNotContain(FakeSalesforce.ClientSecret, await page.ContentAsync());
        await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "Close" }).ClickAsync();

        await Assertions.Expect(page.Locator(".fd-credential-name")).ToHaveTextAsync(["CRM production"]);
        await Assertions.Expect(page.Locator(".fd-test-chip")).ToHaveTextAsync("Passed");
        await session.ScreenshotAsync("credentials-list");
        await page.Locator(".fd-credential-name").ClickAsync();
        await Assertions.Expect(page.Locator("[data-field=clientSecret] .fd-secret-set input")).ToHaveValueAsync("set");
        Assert.DoesNotContain(FakeSalesforce.ClientSecret, await page.ContentAsync());
        var stored = Assert.Single(await session.Host.Services.GetRequiredService<CredentialService>().ListAsync(default));
        Assert.Equal("Salesforce", stored.TypeName);
    }

    [Fact]
    public async Task Designer_PicksACredentialOfTheNodesType_AndDeletingItIsRefusedOncePublished()
    {
        await using var session = await BrowserSession.OpenAsync(browser.Browser);
        var services = session.Host.Services;
        var crm = await services.GetRequiredService<CredentialService>().SaveAsync(new CredentialInput(null, "salesforce.oauth2", "CRM",
            new Dictionary<string, string> { ["clientId"] = "key", ["clientSecret"] = "secret-value-1" }), TestActors.Admin, default);
        await services.GetRequiredService<CredentialService>().SaveAsync(new CredentialInput(null, "http.bearer", "Partner API",
            new Dictionary<string, string> { ["token"] = "token-value-1", ["allowedHosts"] = "api.partner.example" }), TestActors.Admin, default);
        var imported = await services.GetRequiredService<WorkflowService>().ImportAsync("""
            { "schema": 1, "name": "To CRM", "nodes": [
              { "id": "n1", "type": "core.webhook", "name": "Order placed", "config": { "path": "to-crm" }, "position": { "x": 40, "y": 120 } },
              { "id": "n2", "type": "salesforce.create-record", "name": "Create order", "config": { "object": "Order", "fields": { "Status": "Draft" } }, "position": { "x": 340, "y": 120 } } ],
              "edges": [ { "from": "n1", "port": "out", "to": "n2" } ] }
            """, TestActors.Ann, default);
        var page = session.Page;
        await session.GoToAsync($"/workflows/{imported.Workflow!.Id}");

        await page.Locator(".fd-node[data-node=n2]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-property=credential]")).ToContainTextAsync("needs a credential");
        await page.Locator("[data-property=credential] .mud-select").First.ClickAsync();
        var options = page.Locator(".mud-popover-open .mud-list-item");
        await Assertions.Expect(options).ToHaveTextAsync(["Choose a credential", "CRM (Salesforce)"]);
        await options.GetByText("CRM (Salesforce)").ClickAsync();
        await Assertions.Expect(page.Locator("[data-property=credential]")).Not.ToContainTextAsync("needs a credential");
        await session.ScreenshotAsync("designer-credential-picker");
        await page.Locator("#publish").ClickAsync();
        await page.Locator("#publish-confirm").ClickAsync();
        await Assertions.Expect(page.GetByText("Published as v1")).ToBeVisibleAsync();

        await session.GoToAsync("/credentials");
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete CRM" }).ClickAsync();
        await page.Locator("#confirm-action").ClickAsync();
        await Assertions.Expect(page.Locator(".mud-snackbar").Last).ToContainTextAsync("'To CRM' signs in with it");
        await Assertions.Expect(page.Locator(".fd-credential-name")).ToHaveTextAsync(["Partner API", "CRM"]);
        await session.ScreenshotAsync("credentials-delete-refused");
        Assert.Equal(crm.Saved!.Id.ToString(), (await services.GetRequiredService<WorkflowService>().FindAsync(imported.Workflow.Id, default))!.Definition.Nodes[1].Credential);
    }

    [Fact]
    public async Task TestRun_OfAMagentoWorkflow_StartsFromTheNewestRealOrder()
    {
        await using var magento = await FakeMagento.StartNewAsync();
        magento.AddOrder(MagentoSampleOrder.Create(1042, "2025-03-14 09:26:41"));
        magento.AddOrder(MagentoSampleOrder.Create(1043, "2025-03-15 11:00:00"));
        await using var session = await BrowserSession.OpenAsync(browser.Browser);
        var services = session.Host.Services;
        var shop = await services.GetRequiredService<CredentialService>().SaveAsync(new CredentialInput(null, "magento.token", "Shop",
            new Dictionary<string, string>
            {
                ["baseUrl"] = magento.Url("/"), ["consumerKey"] = FakeMagento.ConsumerKey, ["consumerSecret"] = FakeMagento.ConsumerSecret,
                ["accessToken"] = FakeMagento.AccessToken, ["accessTokenSecret"] = FakeMagento.AccessTokenSecret,
            }), TestActors.Admin, default);
        var imported = await services.GetRequiredService<WorkflowService>().ImportAsync($$$"""
            { "schema": 1, "name": "Shop orders", "nodes": [
              { "id": "n1", "type": "magento.new-order", "name": "New order", "credential": "{{{shop.Saved!.Id}}}", "position": { "x": 40, "y": 120 } },
              { "id": "n2", "type": "core.set", "name": "Summary", "config": { "fields": { "order": "{{ trigger.increment_id }}", "lines": "{{ trigger.items.length }}" } }, "position": { "x": 340, "y": 120 } } ],
              "edges": [ { "from": "n1", "port": "out", "to": "n2" } ] }
            """, TestActors.Ann, default);
        var page = session.Page;
        await session.GoToAsync($"/workflows/{imported.Workflow!.Id}");

        await page.Locator("#test-run").ClickAsync();
        await page.Locator("#test-fetch-example").ClickAsync();
        await Assertions.Expect(page.Locator("#test-payload")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("\"increment_id\": \"000001043\""));
        await session.ScreenshotAsync("designer-test-fetched-order");
        await page.Locator("#test-run-start").ClickAsync();

        await Assertions.Expect(page.GetByText("Test run succeeded")).ToBeVisibleAsync();
        await page.Locator(".fd-node[data-node=n2] .fd-node-head").ClickAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "Result" }).ClickAsync();
        await Assertions.Expect(page.Locator("#property-panel")).ToContainTextAsync("000001043");
    }
}
