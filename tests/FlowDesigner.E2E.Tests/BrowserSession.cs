using FlowDesigner.Testing;
using Microsoft.Playwright;

namespace FlowDesigner.E2E.Tests;

/// <summary>The real host with a data folder of its own, and a browser page on it.</summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private BrowserSession(FlowDesignerHost host, IBrowserContext context, IPage page, Uri address)
    {
        Host = host;
        Context = context;
        Page = page;
        Address = address;
    }

    public FlowDesignerHost Host { get; }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    public Uri Address { get; }

    /// <param name="signIn">Whether the page signs in as the owner (an Admin) first. Default true.</param>
    public static async Task<BrowserSession> OpenAsync(IBrowser browser, bool signIn = true, FlowDesignerHost? host = null)
    {
        host ??= new FlowDesignerHost();
        var address = host.Start();
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = address.ToString(),
            ViewportSize = new ViewportSize { Width = 1440, Height = 900 },
            AcceptDownloads = true,
        });
        var page = await context.NewPageAsync();
        page.Console += (_, message) => Console.Error.WriteLine($"CONSOLE {message.Type}: {message.Text}");
        page.PageError += (_, error) => Console.Error.WriteLine($"CONSOLE page error: {error}");
        var session = new BrowserSession(host, context, page, address);
        if (signIn)
        {
            await session.SignInAsync(TestOwner.Email, TestOwner.Password);
        }

        return session;
    }

    /// <summary>Signs in on the sign-in page and waits for the workflow list it leads to.</summary>
    public async Task SignInAsync(string email, string password)
    {
        await Page.GotoAsync("sign-in");
        await Page.Locator("#email").FillAsync(email);
        await Page.Locator("#password").FillAsync(password);
        await Page.Locator("#sign-in").ClickAsync();
        await Page.Locator("#workflows-title").WaitForAsync();
    }

    /// <summary>Opens a page and waits until the interactive circuit has taken over from the prerendered HTML.</summary>
    public async Task GoToAsync(string path)
    {
        await Page.GotoAsync(path);
        await Page.Locator("[data-interactive=true]").WaitForAsync();
    }

    public Task ScreenshotAsync(string name) =>
        Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, name + ".png"), FullPage = true });

    public async ValueTask DisposeAsync()
    {
        await Context.DisposeAsync();
        await Host.DisposeAsync();
    }
}
