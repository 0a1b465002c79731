using FlowDesigner.Connectors.Email;
using FlowDesigner.Connectors.Magento;
using FlowDesigner.Connectors.NetSuite;
using FlowDesigner.Connectors.Salesforce;
using FlowDesigner.Connectors.ServiceNow;
using FlowDesigner.Engine.Credentials;
using FlowDesigner.Engine.Triggers;
using FlowDesigner.Engine.Workflows;
using FlowDesigner.Model.Runs;
using FlowDesigner.Testing;
using FlowDesigner.Testing.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace FlowDesigner.E2E.Tests;

/// <summary>The reference scenario from its template: credentials picked with the mouse, both workflows published, and run against the vendors' fakes.</summary>
public sealed class TemplateTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task TheReferenceTemplate_WithCredentialsPicked_PublishesAndRuns_FromAMagentoOrderToTheBuyersEmail()
    {
        await using var magento = await FakeMagento.StartNewAsync();
        await using var salesforce = await FakeSalesforce.StartNewAsync();
        await using var serviceNow = await FakeServiceNow.StartNewAsync();
        await using var netSuite = await FakeNetSuite.StartNewAsync();
        await using var smtp = LoopbackSmtpServer.Start();
        await using var session = await BrowserSession.OpenAsync(browser.Browser);
        var (page, services) = (session.Page, session.Host.Services);
        var credentials = services.GetRequiredService<CredentialService>();
        await SaveAsync(credentials, MagentoCredential.Key, "Shop", ("baseUrl", magento.Url("/")), ("consumerKey", FakeMagento.ConsumerKey),
            ("consumerSecret", FakeMagento.ConsumerSecret), ("accessToken", FakeMagento.AccessToken), ("accessTokenSecret", FakeMagento.AccessTokenSecret));
        await SaveAsync(credentials, SalesforceCredential.Key, "CRM", ("flow", "client_credentials"), ("loginUrl", salesforce.Url("/")),
            ("clientId", FakeSalesforce.ClientId), ("clientSecret", FakeSalesforce.ClientSecret));
        await SaveAsync(credentials, ServiceNowCredential.Key, "Field service", ("instanceUrl", serviceNow.Url("/")), ("auth", "oauth2-password"),
            ("username", FakeServiceNow.Username), ("password", FakeServiceNow.Password), ("clientId", FakeServiceNow.ClientId), ("clientSecret", FakeServiceNow.ClientSecret));
        await SaveAsync(credentials, NetSuiteCredential.Key, "ERP", ("accountId", FakeNetSuite.AccountId), ("baseUrl", netSuite.Url("/")),
            ("consumerKey", FakeNetSuite.ConsumerKey), ("consumerSecret", FakeNetSuite.ConsumerSecret), ("tokenId", FakeNetSuite.TokenId), ("tokenSecret", FakeNetSuite.TokenSecret));
        await SaveAsync(credentials, SmtpCredential.Key, "Mail", ("host", "127.0.0.1"), ("port", smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("security", "none"), ("username", LoopbackSmtpServer.User), ("password", LoopbackSmtpServer.Password), ("from", "Shop <shop@example.com>"));

        // New from template: both workflows are created, and the first opens in the designer, in view.
        await session.GoToAsync("/workflows");
        await page.Locator("#new-from-template").ClickAsync();
        await Assertions.Expect(page.Locator("#templates")).ToContainTextAsync("Magento order to Salesforce, ServiceNow and NetSuite");
        await session.ScreenshotAsync("template-choose");
        await page.Locator(".fd-template[data-template='magento-order-fulfilment'] .fd-template-use").ClickAsync();
        await page.Locator("#designer[data-ready=true]").WaitForAsync();
        await Assertions.Expect(page.Locator(".fd-node")).ToHaveCountAsync(9);
        var canvas = new CanvasProbe(page);
        await canvas.ExpectNodeInsideAsync("new", "on opening the template");
        await canvas.ExpectLinksDrawnAsync(8, "the template");
        await session.ScreenshotAsync("template-opened");
        var orderWorkflow = Guid.Parse(page.Url.Split('/')[^1]);

        // Credentials picked by name on each vendor's node; the trigger reads orders from the day of the sample order.
        await PickAsync(page, canvas, "new", "Shop (Magento / Adobe Commerce)");
        var since = page.Locator("#property-panel [data-property=since] input");
        await since.FillAsync("2025-03-14 00:00:00");
        await since.PressAsync("Tab");
        await PickAsync(page, canvas, "account", "CRM (Salesforce)");
        await PickAsync(page, canvas, "order", "CRM (Salesforce)");
        await PickAsync(page, canvas, "incident", "Field service (ServiceNow)");
        await PickAsync(page, canvas, "salesOrder", "ERP (NetSuite (token-based))");
        await PublishAsync(page);
        await session.ScreenshotAsync("template-published");

        // The follower, from the workflow list: its email node gets the mail credential.
        await page.GetByLabel("Back to the workflows").ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Email the buyer when the Salesforce order is created" }).ClickAsync();
        await page.Locator("#designer[data-ready=true]").WaitForAsync();
        var followerWorkflow = Guid.Parse(page.Url.Split('/')[^1]);
        await PickAsync(page, canvas, "mail", "Mail (SMTP)");
        await PublishAsync(page);

        // A new order in the shop: the poll starts the run, which reaches every vendor and, through the event, the buyer.
        magento.AddOrder(MagentoSampleOrder.Create());
        Assert.Equal(1, await services.GetRequiredService<PollJobs>().PollAsync(orderWorkflow, default));
        var runs = services.GetRequiredService<IRunStore>();
        Assert.Equal(RunStatus.Succeeded, await FinishedAsync(runs, orderWorkflow));
        Assert.Equal(RunStatus.Succeeded, await FinishedAsync(runs, followerWorkflow));

        Assert.Equal("Jane Doe", Assert.Single(salesforce.Records("Account"))["Name"]!.ToString());
        Assert.Equal("000001042", Assert.Single(salesforce.Records("Order"))["Magento_Order_Id__c"]!.ToString());
        Assert.Equal("magento:1042:svc", Assert.Single(serviceNow.Records("incident"))["correlation_id"]!.ToString());
        Assert.Equal("magento-000001042", Assert.Single(netSuite.SalesOrders)["externalId"]!.ToString());
        var mail = Assert.Single(smtp.Messages);
        Assert.Equal("jane.doe@example.com", mail.To.Mailboxes.Single().Address);
        Assert.Equal("Your order 000001042 is confirmed", mail.Subject);

        // The events page: the polled order opens its causal chain, down to the email run the Salesforce event started.
        await session.GoToAsync("/events");
        await page.Locator(".fd-runs[data-ready=true]").WaitForAsync();
        await Assertions.Expect(page.Locator(".fd-event-row")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator(".fd-event-row").First).ToContainTextAsync("salesforce.order.created");
        await session.ScreenshotAsync("events-list");
        await page.Locator(".fd-event-row").Filter(new() { HasText = "Poll" }).Locator(".fd-event-link").ClickAsync();
        await page.Locator("#event-page").WaitForAsync();
        var chain = page.Locator("#event-chain");
        var nodes = chain.Locator(".fd-chain-node");
        await Assertions.Expect(nodes).ToHaveCountAsync(4);
        await Assertions.Expect(nodes.Nth(0)).ToHaveAttributeAsync("data-kind", "event");
        await Assertions.Expect(nodes.Nth(1)).ToContainTextAsync("Magento order to Salesforce, ServiceNow and NetSuite");
        await Assertions.Expect(nodes.Nth(1)).ToContainTextAsync("Succeeded");
        await Assertions.Expect(nodes.Nth(2)).ToContainTextAsync("salesforce.order.created");
        await Assertions.Expect(nodes.Nth(3)).ToContainTextAsync("Email the buyer when the Salesforce order is created");
        await Assertions.Expect(nodes.Nth(3)).ToContainTextAsync("Succeeded");
        await session.ScreenshotAsync("events-chain");

        // From the email run's page, its chain link opens the same tree with that run marked.
        await nodes.Nth(3).Locator(".fd-chain-link").ClickAsync();
        await page.Locator("#run-page[data-status=succeeded]").WaitForAsync();
        await page.Locator("#run-chain").ClickAsync();
        await Assertions.Expect(page.Locator("#event-chain .fd-chain-marked")).ToContainTextAsync("Email the buyer");
    }

    private static async Task PickAsync(IPage page, CanvasProbe canvas, string nodeId, string credential)
    {
        await canvas.ShowNodeAsync(nodeId);
        await page.Locator($".fd-node[data-node={nodeId}] .fd-node-head").ClickAsync();
        await Assertions.Expect(page.Locator("#property-panel")).ToHaveAttributeAsync("data-node", nodeId);
        await page.Locator("[data-property=credential] .mud-select").First.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").GetByText(credential).ClickAsync();
        await Assertions.Expect(page.Locator("[data-property=credential]")).ToContainTextAsync(credential);
    }

    private static async Task PublishAsync(IPage page)
    {
        await page.Locator("#publish").ClickAsync();
        await page.Locator("#publish-note").FillAsync("From the template");
        await page.Locator("#publish-confirm").ClickAsync();
        await Assertions.Expect(page.GetByText("Published as v1")).ToBeVisibleAsync();
    }

    private static async Task<RunStatus> FinishedAsync(IRunStore runs, Guid workflowId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if ((await runs.ListRunsAsync(workflowId, 0, 1, default)) is [{ Status: RunStatus.Succeeded or RunStatus.Failed or RunStatus.Cancelled } run])
            {
                return run.Status;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"No run of workflow {workflowId} finished within 30 s.");
    }

    private static async Task SaveAsync(CredentialService credentials, string type, string name, params (string Field, string Value)[] fields)
    {
        var saved = await credentials.SaveAsync(new CredentialInput(null, type, name, fields.ToDictionary(f => f.Field, f => f.Value)), TestActors.Admin, default);
        Assert.True(saved.Succeeded, string.Join("; ", saved.Problems.Values));
    }
}
