using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using FlowDesigner.Engine.Credentials;
using FlowDesigner.Engine.Users;
using FlowDesigner.Model.Users;
using FlowDesigner.Persistence;
using FlowDesigner.Testing;
using FlowDesigner.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FlowDesigner.Web.Tests;

/// <summary>Sign-in, lockout, the last Admin, the credentials API and the audit log, on the real host.</summary>
public sealed class AccountRulesTests : IDisposable
{
    // A run that waits a minute, so that it is still in flight when it is cancelled.
    private const string Workflow = """
        { "schema": 1, "name": "Audited", "nodes": [
          { "id": "start", "type": "core.manual", "name": "Start", "config": {} },
          { "id": "wait", "type": "core.delay", "name": "Wait", "config": { "mode": "duration", "seconds": 60 } } ],
          "edges": [ { "from": "start", "port": "out", "to": "wait" } ] }
        """;

    private readonly CapturedLogs _logs = new();
    private readonly FlowDesignerHost _host;

    public AccountRulesTests() =>
        _host = new FlowDesignerHost
        {
            Logs = _logs,
            Settings =
            {
                ["Logging:LogLevel:Default"] = "Trace",
                ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace",
                ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Trace",
                ["Logging:LogLevel:Hangfire"] = "Trace",
                ["Logging:LogLevel:System.Net.Http.HttpClient"] = "Trace",
            },
        };

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task SignIn_LocksTheAccount_AfterFiveFailures_AndAuditsEachFailure()
    {
        var address = _host.Start();
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = address };

        for (var attempt = 0; attempt < 5; attempt++)
        {
            var failed = await CookieSignIn.TryAsync(browser, TestOwner.Email, "not the password");
            Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        }

        var right = await CookieSignIn.TryAsync(browser, TestOwner.Email, TestOwner.Password);

        Assert.Equal(HttpStatusCode.OK, right.StatusCode); // the form again, not a redirect into the product
        Assert.Contains("locked after repeated failed sign-ins", await right.Content.ReadAsStringAsync());
        var actions = await AuditActionsAsync();
        Assert.Equal(4, actions.Count(a => a == "user.sign-in-failed"));
        Assert.Equal(2, actions.Count(a => a == "user.locked-out")); // the fifth failure, and the attempt while locked
    }

    [Fact]
    public async Task TwoFactor_OnceTurnedOn_AsksForTheAppsCode_AndAChangedPasswordIsTheOneThatWorks()
    {
        var address = _host.Start();
        using var session = await CookieSignIn.SignInAsync(address, TestOwner.Email, TestOwner.Password);
        var account = await session.GetStringAsync("/account");
        var key = System.Text.RegularExpressions.Regex.Match(account, "id=\"authenticator-key\">([^<]+)<").Groups[1].Value;

        var wrong = await CookieSignIn.PostFormAsync(session, "/account", "two-factor-on", new Dictionary<string, string> { ["Code.Code"] = "000000" });
        var turnedOn = await CookieSignIn.PostFormAsync(session, "/account", "two-factor-on", new Dictionary<string, string> { ["Code.Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        var changed = await CookieSignIn.PostFormAsync(session, "/account", "change-password", new Dictionary<string, string>
        {
            ["Password.Current"] = TestOwner.Password,
            ["Password.Next"] = "a new and longer password",
            ["Password.Confirm"] = "a new and longer password",
        });

        Assert.Contains("not the one the app shows now", await wrong.Content.ReadAsStringAsync());
        Assert.Contains("id=\"recovery-codes\"", await turnedOn.Content.ReadAsStringAsync());
        Assert.Contains("Your password was changed", await changed.Content.ReadAsStringAsync());
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = address };
        Assert.Contains("The email, password or code is wrong", await (await CookieSignIn.TryAsync(browser, TestOwner.Email, TestOwner.Password)).Content.ReadAsStringAsync());
        var first = await CookieSignIn.TryAsync(browser, TestOwner.Email, "a new and longer password");
        Assert.Equal("/sign-in/code", first.Headers.Location?.AbsolutePath);
        Assert.Equal(HttpStatusCode.Found, (await browser.GetAsync("/")).StatusCode); // not in until the code is given
        var second = await CookieSignIn.PostFormAsync(browser, "/sign-in/code", "sign-in-code", new Dictionary<string, string> { ["Input.Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        Assert.Equal(HttpStatusCode.Found, second.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).StatusCode);
        var actions = await AuditActionsAsync();
        Assert.Contains("user.two-factor-on", actions);
        Assert.Contains("user.password-changed", actions);
    }

    [Fact]
    public async Task TheLastActiveAdmin_CannotBeDemotedDisabledOrDeleted_AndADisabledUserLosesTokensAndSignIn()
    {
        _host.Start();
        await using var scope = _host.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<UserAccounts>();
        var owner = (await accounts.FindByEmailAsync(TestOwner.Email))!;

        Assert.Contains("last active Admin", await accounts.SetRoleAsync(owner.Id, Role.Designer, TestActors.Admin, default));
        Assert.Contains("last active Admin", await accounts.SetDisabledAsync(owner.Id, true, TestActors.Admin, default));
        Assert.Contains("last active Admin", await accounts.DeleteAsync(owner.Id, TestActors.Admin, default));

        var designer = await _host.CreateUserAsync(Role.Designer);
        using var api = await _host.ApiClientAsync(Role.Designer);
        var user = (await accounts.FindByEmailAsync(designer))!;
        Assert.Null(await accounts.SetDisabledAsync(user.Id, true, TestActors.Admin, default));

        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/workflows")).StatusCode);
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = _host.Start() };
        Assert.Contains("This account is disabled", await (await CookieSignIn.TryAsync(browser, designer, TestOwner.Password)).Content.ReadAsStringAsync());
        Assert.Null(await accounts.SetRoleAsync(user.Id, Role.Admin, TestActors.Admin, default));
        Assert.Contains("last active Admin", await accounts.SetRoleAsync(owner.Id, Role.Operator, TestActors.Admin, default)); // a disabled Admin does not count
        Assert.Null(await accounts.SetDisabledAsync(user.Id, false, TestActors.Admin, default));
        Assert.Null(await accounts.SetRoleAsync(owner.Id, Role.Operator, TestActors.Admin, default));
    }

    [Fact]
    public async Task CredentialsApi_NeverAnswersWithAValue_KeepsAnOmittedSecret_AndRefusesNonAdmins()
    {
        using var admin = await _host.ApiClientAsync(Role.Admin);
        using var designer = await _host.ApiClientAsync(Role.Designer);
        const string Secret = "s3cret-bearer-value-9f2c";

        var types = await admin.GetFromJsonAsync<JsonElement>("/api/credential-types");
        var created = await admin.PostAsJsonAsync("/api/credentials", new { type = "http.bearer", name = "Partner", fields = new { token = Secret, allowedHosts = "127.0.0.1" } });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var renamed = await admin.PutAsJsonAsync($"/api/credentials/{id}", new { name = "Partner API", fields = new { } });
        var listed = await admin.GetStringAsync("/api/credentials");

        var bearer = types.EnumerateArray().Single(t => t.GetProperty("key").GetString() == "http.bearer");
        Assert.True(bearer.GetProperty("fields").EnumerateArray().Single(f => f.GetProperty("name").GetString() == "token").GetProperty("secret").GetBoolean());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Contains("Partner API", listed);
        Assert.DoesNotContain(Secret, listed + await created.Content.ReadAsStringAsync() + await renamed.Content.ReadAsStringAsync());
        var form = await _host.Services.GetRequiredService<CredentialService>().OpenAsync(id, default);
        Assert.Contains("token", form!.SetSecrets); // the omitted secret was kept

        Assert.Equal(HttpStatusCode.Forbidden, (await designer.GetAsync("/api/credentials")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await designer.PostAsJsonAsync("/api/credentials", new { type = "http.bearer", name = "Mine", fields = new { token = "x" } })).StatusCode);
        var malformed = await admin.PostAsync("/api/credentials", new StringContent("{ not json", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal("application/problem+json", malformed.Content.Headers.ContentType?.MediaType);
        var unknownType = await admin.PostAsJsonAsync("/api/credentials", new { type = "nope", name = "X", fields = new { } });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknownType.StatusCode);
        Assert.Single((await _host.Services.GetRequiredService<CredentialService>().ListAsync(default)));

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/credentials/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync($"/api/credentials/{id}")).StatusCode);
    }

    [Fact]
    public async Task TheAuditLog_NamesWhoDidEachChange_AndNoSecretReachesAnyLogLine_AtTrace()
    {
        using var admin = await _host.ApiClientAsync(Role.Admin);
        using var browser = await CookieSignIn.SignInAsync(_host.Start(), TestOwner.Email, TestOwner.Password);
        const string Secret = "s3cret-in-a-credential-77aa";
        var token = admin.DefaultRequestHeaders.Authorization!.Parameter!;

        var imported = await admin.PostAsync("/api/workflows", new StringContent(Workflow, Encoding.UTF8, "application/json"));
        var workflowId = (await imported.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await admin.PostAsJsonAsync($"/api/workflows/{workflowId}/publish", new { note = "v1" });
        var started = await admin.PostAsJsonAsync($"/api/workflows/{workflowId}/runs", new { });
        var runId = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runId").GetGuid();
        await admin.PostAsync($"/api/runs/{runId}/cancel", null);
        await admin.PostAsync($"/api/workflows/{workflowId}/deactivate", null);
        var credential = await admin.PostAsJsonAsync("/api/credentials", new { type = "http.bearer", name = "Partner", fields = new { token = Secret, allowedHosts = "127.0.0.1" } });
        var credentialId = (await credential.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await _host.Services.GetRequiredService<CredentialService>().TestAsync(credentialId, TestActors.Admin, default);
        await admin.DeleteAsync($"/api/credentials/{credentialId}");
        await _host.CreateUserAsync(Role.Operator);

        var entries = await _host.Services.GetRequiredService<IAuditLogReader>().ListAsync(new AuditQuery(null, null, null, null, null, 500), default);
        var owner = entries.Entries.Single(e => e.Action == "workflow.imported").ActorId;
        foreach (var action in new[] { "workflow.imported", "workflow.published", "run.started", "run.cancelled", "workflow.deactivated", "credential.created", "credential.deleted" })
        {
            var entry = Assert.Single(entries.Entries, e => e.Action == action);
            Assert.Equal((owner, "Owner"), (entry.ActorId, entry.ActorName));
        }

        Assert.Contains(entries.Entries, e => e.Action == "credential.tested");
        Assert.Contains(entries.Entries, e => e.Action == "token.created");
        Assert.Contains(entries.Entries, e => e.Action == "user.created" && e.Summary.Contains("operator@flowdesigner.test"));
        var onlyWorkflows = await _host.Services.GetRequiredService<IAuditLogReader>().ListAsync(new AuditQuery(owner, AuditKind.Workflow, null, null, null), default);
        Assert.All(onlyWorkflows.Entries, e => Assert.StartsWith("workflow.", e.Action));
        Assert.Equal(3, onlyWorkflows.Entries.Count);

        var logged = string.Join("\n", _logs.Entries);
        Assert.Contains(_logs.Entries, e => e.StartsWith("Trace ", StringComparison.Ordinal));
        Assert.DoesNotContain(Secret, logged);
        Assert.DoesNotContain(token, logged);
        Assert.DoesNotContain(token[ApiTokens.Prefix.Length..], logged);
        Assert.DoesNotContain(TestOwner.Password, logged);
        Assert.NotNull(browser);
    }

    [Fact]
    public void NoCodePath_ChangesOrDeletesAnAuditEntry()
    {
        var source = Path.Combine(RepositoryPaths.Root, "src");
        var touching = Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(file => File.ReadLines(file).Select(line => (File: Path.GetFileName(file), Line: line.Trim())))
            .Where(l => l.Line.Contains("AuditEntries", StringComparison.Ordinal))
            .ToList();

        var writes = touching.Where(l => !l.Line.StartsWith("///", StringComparison.Ordinal) && !l.Line.StartsWith("public DbSet<AuditEntryEntity> AuditEntries", StringComparison.Ordinal)
            && !l.Line.Contains("ToTable(\"AuditEntries\")", StringComparison.Ordinal) && !l.Line.Contains("db.AuditEntries.Add(", StringComparison.Ordinal) && !l.Line.Contains("db.AuditEntries.AsNoTracking()", StringComparison.Ordinal)).ToList();

        Assert.True(writes.Count == 0, "Only additions and reads may touch the audit log: " + string.Join("; ", writes.Select(w => $"{w.File}: {w.Line}")));
        Assert.DoesNotContain(typeof(IAuditLogReader).GetMethods(), m => !m.Name.StartsWith("List", StringComparison.Ordinal));
        Assert.Equal([nameof(IAuditTrail.WriteAsync)], typeof(IAuditTrail).GetMethods().Select(m => m.Name));
    }

    private async Task<List<string>> AuditActionsAsync()
    {
        await using var db = _host.Services.GetRequiredService<IDbContextFactory<FlowDbContext>>().CreateDbContext();
        return await db.AuditEntries.Select(a => a.Action).ToListAsync();
    }
}
