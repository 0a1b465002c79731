using FlowDesigner.Model.Definitions;
using FlowDesigner.Model.Events;
using FlowDesigner.Model.Runs;
using FlowDesigner.Model.Stores;
using FlowDesigner.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FlowDesigner.Persistence.Tests;

/// <summary>
/// The status and chain indexes keep only the rows looked up through them (unfinished runs and steps, runs and events
/// that continue a chain); the looks that need them still find them by those indexes.
/// </summary>
public sealed class IndexUseTests : IAsyncLifetime
{
    private readonly CapturedLogs _logs = new();
    private TestServices _services = default!;

    public async Task InitializeAsync() => _services = await TestServices.StartAsync(configure: s => s.AddLogging(b => b
        .AddProvider(_logs)
        .AddFilter<CapturedLogs>("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Information)));

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task FindingUnfinishedSteps_UsesThePartialStatusIndex()
    {
        await _services.Get<IRunStore>().FindUnfinishedStepsAsync(default);

        Assert.Contains(await PlanAsync(ExecutedSql("FROM \"Steps\"")), line => line.Contains("USING INDEX IX_Steps_Status", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FindingRunsToTakeOver_UsesThePartialRunStatusIndex()
    {
        await _services.Get<IRunStore>().TakeOverRunsAsync(Guid.NewGuid(), DateTime.UtcNow, default);

        var plan = await PlanAsync(ExecutedSql("FROM \"Runs\""));
        Assert.Contains(plan, line => line.Contains("USING INDEX IX_Runs_Status_CreatedAt", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, line => line.StartsWith("SCAN r", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("all", "sqlite_autoindex_Runs_1")]
    [InlineData("workflow", "IX_Runs_WorkflowId_Id")]
    [InlineData("failed", "IX_Runs_Failed")]
    public async Task ARunListPage_IsReadByAnIndexInItsOrder_WithNoSortOfAllTheRuns(string filter, string index)
    {
        var start = await StartAsync(correlationId: null);
        var runFilter = filter switch
        {
            "workflow" => new RunFilter { WorkflowId = _version!.WorkflowId },
            "failed" => new RunFilter { Statuses = [RunStatus.Failed] },
            _ => new RunFilter(),
        };

        await _services.Get<IRunStore>().FindRunsAsync(runFilter, start.RunId, 50, default);

        var plan = await PlanAsync(ExecutedSql("ORDER BY \"r\".\"Id\" DESC"));
        Assert.Contains(plan, line => line.Contains($"INDEX {index}", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, line => line.Contains("TEMP B-TREE", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ATitleSearch_ReadsOnlyTheTitlesThatBeginSo_ByTheirIndex()
    {
        var start = await StartAsync(correlationId: null);

        await _services.Get<IRunStore>().FindRunsAsync(new RunFilter { TitlePrefix = "Order 104" }, start.RunId, 50, default);

        // The matches' ids are sorted from the index alone, and only the page's runs are read.
        var plan = await PlanAsync(ExecutedSql("ORDER BY \"r\".\"Id\" DESC"));
        Assert.Contains(plan, line => line.Contains("USING COVERING INDEX IX_Runs_TitleKey_Id (TitleKey>? AND TitleKey<?)", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, line => line.StartsWith("SCAN", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ATimeRange_IsReadAsARangeOfIds_InTheListsOrder()
    {
        var start = await StartAsync(correlationId: null);

        await _services.Get<IRunStore>().FindRunsAsync(new RunFilter { To = DateTime.UtcNow.AddDays(-30) }, start.RunId, 50, default);

        var plan = await PlanAsync(ExecutedSql("ORDER BY \"r\".\"Id\" DESC"));
        Assert.Contains(plan, line => line.Contains("USING INDEX sqlite_autoindex_Runs_1 (Id<?)", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, line => line.Contains("TEMP B-TREE", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheWorkflowList_ReadsLastRunsByIndexAndCountsFromTheRollups_WithNoScanOfTheRuns()
    {
        await StartAsync(correlationId: null);

        await _services.Get<IWorkflowStore>().ListAsync(new WorkflowQuery { Sort = WorkflowSort.LastRunAt }, default);

        var plan = await PlanAsync(ExecutedSql("FROM \"RunRollups\""));
        Assert.Contains(plan, line => line.Contains("INDEX IX_Runs_WorkflowId_Id", StringComparison.Ordinal));
        Assert.Contains(plan, line => line.Contains("USING PRIMARY KEY (WorkflowId=? AND Minute>?)", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, line => line.StartsWith("SCAN r", StringComparison.Ordinal));
        var going = await PlanAsync(ExecutedSql("GROUP BY \"r\".\"WorkflowId\""));
        Assert.Contains(going, line => line.Contains("USING INDEX IX_Runs_Status_CreatedAt", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AChain_IsNamedByItsFirstEvent_AndOnlyWhatContinuesItIsIndexedByIt()
    {
        var runs = _services.Get<IRunStore>();
        var first = await StartAsync(correlationId: null);
        var chain = first.Snapshot!.Run.CorrelationId;
        var next = await StartAsync(chain);
        await StartAsync(correlationId: null);

        Assert.Equal(chain, (await runs.FindRunAsync(next.RunId, default))!.CorrelationId);
        Assert.Equal(Id(chain), await ScalarAsync("SELECT \"EventId\" FROM \"Runs\" WHERE \"Id\" = $id", Id(first.RunId)));
        Assert.Equal(1L, await ScalarAsync("SELECT count(*) FROM \"Runs\" INDEXED BY \"IX_Runs_CorrelationId\" WHERE \"EventId\" IS NULL OR \"CorrelationId\" <> \"EventId\"", null));
        Assert.Equal(1L, await ScalarAsync("SELECT count(*) FROM \"Events\" INDEXED BY \"IX_Events_CorrelationId\" WHERE \"CorrelationId\" <> \"Id\"", null));

        // How the chain's runs and events are found: the first by its own id, the rest by the chain index.
        const string runsOfChain = """
            SELECT count(*) FROM "Runs" WHERE "EventId" = $id OR ("CorrelationId" = $id AND ("EventId" IS NULL OR "CorrelationId" <> "EventId"))
            """;
        const string eventsOfChain = """SELECT count(*) FROM "Events" WHERE "Id" = $id OR ("CorrelationId" = $id AND "CorrelationId" <> "Id")""";
        Assert.Equal(2L, await ScalarAsync(runsOfChain, Id(chain)));
        Assert.Equal(2L, await ScalarAsync(eventsOfChain, Id(chain)));
        var plans = (await PlanAsync(runsOfChain, Id(chain))).Concat(await PlanAsync(eventsOfChain, Id(chain))).ToList();
        Assert.Contains(plans, line => line.Contains("INDEX IX_Runs_EventId", StringComparison.Ordinal));
        Assert.Contains(plans, line => line.Contains("INDEX IX_Runs_CorrelationId", StringComparison.Ordinal));
        Assert.Contains(plans, line => line.Contains("INDEX sqlite_autoindex_Events_1", StringComparison.Ordinal));
        Assert.Contains(plans, line => line.Contains("INDEX IX_Events_CorrelationId", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("all", "sqlite_autoindex_Events_1")]
    [InlineData("name", "IX_Events_Type_Id")]
    [InlineData("run", "IX_Events_Emitted")]
    public async Task AnEventStreamPage_IsReadByAnIndexInItsOrder_WithNoSortOfAllTheEvents(string filter, string index)
    {
        var start = await StartAsync(correlationId: null);
        var eventFilter = filter switch
        {
            "name" => new EventFilter { Type = "salesforce.order.created" },
            "run" => new EventFilter { Source = EventSourceKind.Run },
            _ => new EventFilter(),
        };

        await _services.Get<IEventStore>().FindEventsAsync(eventFilter, start.Snapshot!.Run.CorrelationId, 50, default);

        var plan = await PlanAsync(ExecutedSql("ORDER BY \"e\".\"Id\" DESC"));
        Assert.Contains(plan, line => line.Contains($"INDEX {index}", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, line => line.Contains("TEMP B-TREE", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReadingWhatARunCaused_UsesTheIndexOfEmittedEvents_AndWhatAnEventStarted_TheRunsEventIndex()
    {
        var start = await StartAsync(correlationId: null);
        var events = _services.Get<IEventStore>();

        await events.FindEventsOfRunsAsync([start.RunId], default);
        var emitted = await PlanAsync(ExecutedSql("FROM \"Events\""));
        await events.FindRunsOfEventsAsync([start.Snapshot!.Run.CorrelationId], default);
        var started = await PlanAsync(ExecutedSql("FROM \"Runs\""));

        Assert.Contains(emitted, line => line.Contains("INDEX IX_Events_CausedByRunId", StringComparison.Ordinal));
        Assert.Contains(started, line => line.Contains("INDEX IX_Runs_EventId", StringComparison.Ordinal));
        Assert.DoesNotContain(emitted.Concat(started), line => line.StartsWith("SCAN", StringComparison.Ordinal));
    }

    private static byte[] Id(Guid id) => id.ToByteArray(bigEndian: true);

    private string ExecutedSql(string table)
    {
        // The last: the migrations at start-up read the same tables.
        var executed = _logs.Entries.Last(e => e.Contains("Executed DbCommand", StringComparison.Ordinal) && e.Contains(table, StringComparison.Ordinal));
        return executed[executed.IndexOf('\n', StringComparison.Ordinal)..].Trim();
    }

    private async Task<List<string>> PlanAsync(string sql, byte[]? id = null)
    {
        await using var connection = await OpenAsync();
        await using var explain = connection.CreateCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN " + sql;
        if (id is not null)
        {
            explain.Parameters.AddWithValue("$id", id);
        }

        var plan = new List<string>();
        await using var reader = await explain.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            plan.Add(reader.GetString(3));
        }

        return plan;
    }

    private async Task<object?> ScalarAsync(string sql, byte[]? id)
    {
        await using var connection = await OpenAsync();
        await using var query = connection.CreateCommand();
        query.CommandText = sql;
        query.Parameters.AddWithValue("$id", (object?)id ?? DBNull.Value);
        return await query.ExecuteScalarAsync();
    }

    private async Task<SqliteConnection> OpenAsync()
    {
        var connection = new SqliteConnection($"Data Source={_services.Storage.DatabasePath}");
        await connection.OpenAsync();
        return connection;
    }

    private VersionRecord? _version;

    private async Task<RunStart> StartAsync(Guid? correlationId)
    {
        if (_version is null)
        {
            var definition = WorkflowDefinition.Empty("Orders") with { Nodes = [new NodeDefinition("hook", "core.webhook", "Hook")] };
            var workflow = await _services.Get<IWorkflowStore>().CreateAsync(new WorkflowDraft(definition, "core.webhook", "POST orders"), TestActors.Ann, "created", default);
            _version = await _services.Get<IVersionStore>().PublishAsync(workflow.Id, definition, "core.webhook", "POST orders", null, TestActors.Ann, default);
        }

        var run = new NewRun(_version.WorkflowId, _version.Id, "hook", RunCause.Webhook, "webhook", "test", "{}", correlationId, null)
        {
            VersionNumber = _version.Number,
        };
        return await _services.Get<IRunStore>().StartRunAsync(run, DateTime.UtcNow, default);
    }
}
