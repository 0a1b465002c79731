using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using FlowDesigner.Persistence;
using FlowDesigner.Testing;
using FlowDesigner.Web.Apis;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FlowDesigner.Web.Tests;

/// <summary><c>/metrics</c> and <c>/health/ready</c> on the real host: counters that move with runs, and readiness that says what is missing.</summary>
public sealed class MetricsTests
{
    private const string Workflow = """
        { "schema": 1, "name": "Greet", "nodes": [
          { "id": "hook", "type": "core.webhook", "name": "Hook", "config": { "path": "greet", "respond": "whenFinished", "responseTimeoutSeconds": 15 } },
          { "id": "set", "type": "core.set", "name": "Greeting", "config": { "fields": { "text": "Hello {{ trigger.body.name }}" } } } ],
          "edges": [ { "from": "hook", "port": "out", "to": "set" } ] }
        """;

    [Fact]
    public async Task Metrics_CountRunsStartedAndFinishedByWorkflow_AndTimeStepsAndWebhooks_ForAnAdminToken()
    {
        using var host = new FlowDesignerHost();
        using var admin = host.ApiClient();
        using var operatorApi = host.ApiClient(Model.Users.Role.Operator);
        var id = await PublishAsync(admin, Workflow);

        var before = await admin.GetStringAsync("/metrics");
        foreach (var name in new[] { "Ann", "Bob", "Cy" })
        {
            Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync("/hooks/greet", new { name })).StatusCode);
        }

        // A run's end is counted just after it is written, and a caller waiting for the result may be answered between
        // the two; the exporter also keeps a scrape for a moment: read until the counts arrive, within a deadline.
        var after = await admin.GetStringAsync("/metrics");
        for (var deadline = DateTime.UtcNow.AddSeconds(10); Value(after, "flowdesigner_runs_finished_total", $"workflow=\"{id}\"") < 3 && DateTime.UtcNow < deadline;)
        {
            await Task.Delay(200);
            after = await admin.GetStringAsync("/metrics");
        }

        var anonymous = await host.CreateClient().GetAsync("/metrics");
        var notAdmin = await operatorApi.GetAsync("/metrics");

        Assert.Equal(0, Value(before, "flowdesigner_runs_started_total", $"workflow=\"{id}\""));
        Assert.Equal(3, Value(after, "flowdesigner_runs_started_total", $"workflow=\"{id}\""));
        Assert.Equal(3, Value(after, "flowdesigner_runs_finished_total", $"status=\"succeeded\"", $"workflow=\"{id}\""));
        Assert.Equal(3, Value(after, "flowdesigner_step_duration_milliseconds_count", "node_type=\"core.set\""));
        Assert.Equal(3, Value(after, "flowdesigner_webhook_duration_milliseconds_count", "status_code=\"200\""));
        Assert.Contains("flowdesigner_queue_depth", after);
        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden), (anonymous.StatusCode, notAdmin.StatusCode));
    }

    [Fact]
    public async Task Metrics_AnswerAnybody_WhenTheSettingAllowsIt()
    {
        using var host = new FlowDesignerHost { Settings = { [MetricsApi.AllowAnonymousSetting] = "true" } };
        host.Start();

        var answer = await host.CreateClient().GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Contains("text/plain", answer.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Ready_Answers503NamingTheMigration_WhileOneIsNotApplied()
    {
        using var host = new FlowDesignerHost();
        using var http = host.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/ready")).StatusCode);
        await using var db = host.Services.GetRequiredService<IDbContextFactory<FlowDbContext>>().CreateDbContext();
        var last = db.Database.GetMigrations().Last();
        await db.Database.ExecuteSqlAsync($"DELETE FROM \"__EFMigrationsHistory\" WHERE \"MigrationId\" = {last}");

        var notReady = await http.GetAsync("/health/ready");
        var live = await http.GetAsync("/health/live");

        Assert.Equal((HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK), (notReady.StatusCode, live.StatusCode));
        await db.Database.ExecuteSqlAsync($"INSERT INTO \"__EFMigrationsHistory\" (\"MigrationId\", \"ProductVersion\") VALUES ({last}, '10.0.15')");
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/ready")).StatusCode);
    }

    /// <summary>The value of the one sample of <paramref name="metric"/> whose labels hold all of <paramref name="labels"/>; 0 when there is none.</summary>
    private static double Value(string exposition, string metric, params string[] labels) =>
        exposition.Split('\n')
            .Where(line => line.StartsWith(metric + "{", StringComparison.Ordinal) && labels.All(label => line.Contains(label, StringComparison.Ordinal)))
            .Select(line => double.Parse(line[(line.LastIndexOf('}') + 1)..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture))
            .SingleOrDefault();

    private static async Task<Guid> PublishAsync(HttpClient http, string definition)
    {
        var imported = await http.PostAsync("/api/workflows", new StringContent(definition, Encoding.UTF8, "application/json"));
        var id = (await imported.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await http.PostAsJsonAsync($"/api/workflows/{id}/publish", new { note = "first" })).StatusCode);
        return id;
    }
}
