using System.Diagnostics;
using FlowDesigner.Engine.Users;
using FlowDesigner.Model.Users;
using FlowDesigner.Persistence;
using FlowDesigner.Testing;
using FlowDesigner.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FlowDesigner.Web.Tests;

/// <summary>Accounts on the product's database: the owner of an unattended install, and the program's commands for scripts.</summary>
public sealed class AccountTests
{
    [Fact]
    public async Task OwnerSettings_CreateTheOwnerAsAnAdmin_OnlyWhenNoUserExists()
    {
        using var host = new FlowDesignerHost { Settings = { ["Owner:Email"] = "owner@example.test", ["Owner:Password"] = "correct-horse-battery" } };
        host.Start();

        await using var scope = host.Services.CreateAsyncScope();
        var owner = await scope.ServiceProvider.GetRequiredService<UserAccounts>().FindByEmailAsync("owner@example.test");
        Assert.Equal(Role.Admin, owner!.Role);
        await using var db = host.Services.GetRequiredService<IDbContextFactory<FlowDbContext>>().CreateDbContext();
        var entry = await db.AuditEntries.SingleAsync(a => a.Action == "user.created");
        Assert.Equal(("system", owner.Id), (entry.ActorId, entry.EntityId));
        Assert.DoesNotContain("correct-horse-battery", owner.PasswordHash);
    }

    [Fact]
    public async Task TheCommandLine_MakesATokenThatWorks_AndResetsAPassword_WithTheHostsSettings()
    {
        using var host = new FlowDesignerHost { Settings = { ["Owner:Email"] = "owner@example.test", ["Owner:Password"] = "correct-horse-battery" } };
        host.Start();

        var (code, lines) = await RunAsync(host.DataFolder, "token", "create", "--user", "owner@example.test", "--name", "Nightly export");
        var (unknown, _) = await RunAsync(host.DataFolder, "token", "create", "--user", "nobody@example.test", "--name", "x");
        var (reset, passwordLines) = await RunAsync(host.DataFolder, "user", "reset-password", "--user", "owner@example.test");

        Assert.Equal(0, code);
        using var api = new HttpClient { BaseAddress = host.Start() };
        api.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", lines[^1]);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await api.GetAsync("/api/workflows")).StatusCode);
        var token = await host.Services.GetRequiredService<ApiTokens>().ValidateAsync(lines[^1], default);
        Assert.Equal("Nightly export", token!.Name);
        Assert.NotNull(token.LastUsedAt);
        Assert.Equal(2, unknown);
        Assert.Equal(0, reset);
        await using var scope = host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Persistence.Entities.UserEntity>>();
        var owner = await users.FindByEmailAsync("owner@example.test");
        Assert.True(await users.CheckPasswordAsync(owner!, passwordLines[^1]));
        Assert.False(await users.CheckPasswordAsync(owner!, "correct-horse-battery"));
    }

    [Fact]
    public async Task TheCommandLine_CreatesTheOwnerFromTheSettings_OnANewInstall_BeforeMakingTheToken()
    {
        using var folder = new TempDataFolder();
        var owner = new Dictionary<string, string> { ["Owner__Email"] = "owner@example.test", ["Owner__Password"] = "correct-horse-battery" };

        var (code, lines) = await RunAsync(folder.Path, owner, "token", "create", "--user", "owner@example.test", "--name", "Deploy");

        Assert.Equal(0, code);
        Assert.StartsWith(ApiTokens.Prefix, lines[^1], StringComparison.Ordinal);
        using var host = new FlowDesignerHost { WithOwner = false, Settings = { ["Storage:DataFolder"] = folder.Path } };
        host.Start();
        Assert.Equal("Deploy", (await host.Services.GetRequiredService<ApiTokens>().ValidateAsync(lines[^1], default))!.Name);
    }

    private static Task<(int Code, string[] Lines)> RunAsync(string dataFolder, params string[] arguments) =>
        RunAsync(dataFolder, new Dictionary<string, string>(), arguments);

    private static async Task<(int Code, string[] Lines)> RunAsync(string dataFolder, Dictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet", [RepositoryPaths.WebHostAssembly, .. arguments]) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["Storage__DataFolder"] = dataFolder;
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        start.Environment["Logging__LogLevel__Default"] = "Warning";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var lines = (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.True(process.ExitCode != 0 || lines.Length > 0, await errors);
        return (process.ExitCode, lines);
    }
}
