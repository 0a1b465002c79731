using System.Diagnostics;
using System.Net;
using FlowDesigner.Engine.Credentials;
using FlowDesigner.Persistence;
using FlowDesigner.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FlowDesigner.Web.Tests;

public sealed class HostTests
{
    [Fact]
    public async Task Host_ServesTheWorkflowsPageAndItsAssets_OnEmbeddedDefaults()
    {
        using var host = new FlowDesignerHost();
        var address = host.Start();
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = address };

        var home = await http.GetAsync("/");
        var page = await http.GetStringAsync("/sign-in");

        Assert.Equal(HttpStatusCode.Found, home.StatusCode);
        Assert.Equal("/sign-in", home.Headers.Location?.AbsolutePath);
        Assert.Contains("id=\"sign-in\"", page);
        foreach (var asset in new[] { "css/flowdesigner.css", "js/flowdesigner.js", "icons/core-webhook.svg", "_content/MudBlazor/MudBlazor.min.css", "_framework/blazor.web.js" })
        {
            var response = await http.GetAsync(asset);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 100, $"{asset} is served empty");
        }

        Assert.Equal(HttpStatusCode.Found, (await http.GetAsync("/no-such-page")).StatusCode); // nothing is told to a caller not signed in
        Assert.True(File.Exists(Path.Combine(host.DataFolder, "flowdesigner.db")));
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(host.DataFolder, "keys")));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.Combine(host.DataFolder, "keys")));
        }
    }

    [Theory]
    [InlineData("GET", "/workflows")]
    [InlineData("GET", "/no-such-page")]
    [InlineData("GET", "/css/flowdesigner.css")]
    [InlineData("POST", "/hooks/unknown")]
    [InlineData("GET", "/api/nope")]
    public async Task EveryAnswer_CarriesTheSecurityHeaders(string method, string path)
    {
        using var host = new FlowDesignerHost();
        using var http = new HttpClient { BaseAddress = host.Start() };

        var answer = await http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        var policy = string.Join(";", answer.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self';", policy);
        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.Equal("nosniff", Assert.Single(answer.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(answer.Headers.GetValues("Referrer-Policy")));
        Assert.Equal("DENY", Assert.Single(answer.Headers.GetValues("X-Frame-Options")));
    }

    [Fact]
    public async Task Host_KeepsTheKeysThatEncryptCredentials_InTheDatabase_WhenTheSettingsSaySo()
    {
        using var host = new FlowDesignerHost { Settings = { ["Storage:KeyStore"] = "database" } };
        host.Start();
        var services = host.Services;

        var saved = await services.GetRequiredService<CredentialService>().SaveAsync(
            new CredentialInput(null, "http.bearer", "Partner API", new Dictionary<string, string> { ["token"] = "token-in-db-keys", ["allowedHosts"] = "api.partner.example" }), TestActors.Admin, default);
        await using var db = services.GetRequiredService<IDbContextFactory<FlowDbContext>>().CreateDbContext();

        Assert.True(saved.Succeeded);
        Assert.NotEmpty(await db.DataProtectionKeys.ToListAsync());
        Assert.False(Directory.Exists(Path.Combine(host.DataFolder, "keys")));
        Assert.True((await services.GetRequiredService<CredentialService>().ListAsync(default)).Single().Readable);
    }

    [Fact]
    public async Task Host_ExitsNonZero_WithWhatToDo_WhenTheDataFolderIsNotWritable()
    {
        using var folder = new TempDataFolder();
        var blocker = Path.Combine(folder.Path, "a-file");
        await File.WriteAllTextAsync(blocker, "not a folder");

        var (exitCode, errors) = await RunHostAsync(("Storage__DataFolder", Path.Combine(blocker, "data")));

        Assert.Equal(1, exitCode);
        Assert.Contains("FlowDesigner cannot start: The data folder", errors);
        Assert.Contains("Storage:DataFolder", errors);
    }

    [Fact]
    public async Task Host_RefusesToListenBeyondLoopback_WithoutAnOwner_AndSaysHowToGetOne()
    {
        using var folder = new TempDataFolder();

        var (exitCode, errors) = await RunHostAsync(("Storage__DataFolder", folder.Path), ("Urls", "http://0.0.0.0:0"));

        Assert.Equal(1, exitCode);
        Assert.Contains("FlowDesigner cannot start: There is no owner yet, and the host is set to listen on http://0.0.0.0:0", errors);
        Assert.Contains("Owner:Email and Owner:Password", errors);
    }

    private static async Task<(int ExitCode, string Errors)> RunHostAsync(params (string Name, string Value)[] environment)
    {
        var start = new ProcessStartInfo("dotnet", [RepositoryPaths.WebHostAssembly])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.Environment["Urls"] = "http://127.0.0.1:0"; // the settings file's Urls would win over ASPNETCORE_URLS
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("The host kept running although its data folder cannot be written: " + await output);
        }

        return (process.ExitCode, await errors);
    }
}
