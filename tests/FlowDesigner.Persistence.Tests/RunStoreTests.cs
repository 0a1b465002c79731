using FlowDesigner.Model.Definitions;
using FlowDesigner.Model.Runs;
using FlowDesigner.Model.Stores;
using FlowDesigner.Testing;

namespace FlowDesigner.Persistence.Tests;

/// <summary>Starts and advances are committed in shared batches; each caller's part must stand or fall alone.</summary>
public class RunStoreTests : IAsyncLifetime
{
    private TestServices _services = default!;

    /// <summary>The database the tests write: SQLite, unless a class for PostgreSQL says otherwise.</summary>
    protected virtual StorageProvider Provider => StorageProvider.Sqlite;

    private IRunStore Runs => _services.Get<IRunStore>();

    private long _lastNewId;

    /// <summary>An id for a row to write, as the engine gives one until the store gives the row its own.</summary>
    private long NewStepId() => Interlocked.Decrement(ref _lastNewId);

    public async Task InitializeAsync() => _services = await TestServices.StartAsync(provider: Provider);

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task StartRun_WritesTheRunAndItsTriggerStep_AndHandsThemBack()
    {
        var start = await StartAsync(dedupeKey: null);

        var stored = await Runs.GetSnapshotAsync(start.RunId, default);

        Assert.False(start.IsDuplicate);
        Assert.Equal(RunStatus.Pending, stored!.Run.Status);
        var trigger = Assert.Single(stored.Steps);
        Assert.Equal(start.Snapshot!.Steps.Single(), trigger);
        Assert.Equal(start.Snapshot.Run with { VersionNumber = stored.Run.VersionNumber }, stored.Run);
    }

    [Fact]
    public async Task StartRun_WithADedupeKeySeenBefore_AnswersWithTheFirstRun()
    {
        await PublishedVersionAsync();
        var starts = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => StartAsync(dedupeKey: "order-42")));

        var first = Assert.Single(starts, s => !s.IsDuplicate);
        Assert.All(starts, s => Assert.Equal(first.RunId, s.RunId));
    }

    [Fact]
    public async Task ConcurrentAdvances_OneConflicting_OnlyThatOneIsUndone()
    {
        var start = await StartAsync(dedupeKey: null);
        var now = DateTime.UtcNow;

        // Twenty callers add a step each, in whatever batches the writer makes of them; one more repeats the trigger's row.
        var commits = Enumerable.Range(0, 20)
            .Select(i => Runs.CommitAsync(start.RunId, Changes(Step(start.RunId, $"node{i}", now)), now, default))
            .Append(Runs.CommitAsync(start.RunId, Changes(Step(start.RunId, "hook", now)), now, default))
            .ToList();
        var written = await Task.WhenAll(commits);

        Assert.Null(written[^1]);
        Assert.All(written[..^1], Assert.NotNull);
        var stored = await Runs.GetSnapshotAsync(start.RunId, default);
        Assert.Equal(21, stored!.Steps.Count);
        Assert.Single(stored.Steps, s => s.NodeId == "hook");
        Assert.Equal(RunStatus.Running, stored.Run.Status);
    }

    [Fact]
    public async Task Advance_OfAnEndedRun_WritesNothing()
    {
        var start = await StartAsync(dedupeKey: null);
        var now = DateTime.UtcNow;
        await Runs.FinishRunAsync(start.RunId, RunStatus.Cancelled, null, "Cancelled by Ann", now, default);

        var written = await Runs.CommitAsync(start.RunId, Changes(Step(start.RunId, "late", now)), now, default);

        Assert.Null(written);
        Assert.DoesNotContain((await Runs.GetSnapshotAsync(start.RunId, default))!.Steps, s => s.NodeId == "late");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(1_000_000)]
    [InlineData(1_234_500)]
    [InlineData(9_999_999)]
    public async Task RowsOfTheHotPath_HoldTheirValuesAsTheModelWritesThem(long ticksIntoTheSecond)
    {
        var start = await StartAsync(dedupeKey: null);
        var at = new DateTime(2026, 3, 4, 5, 6, 7, DateTimeKind.Utc).AddTicks(ticksIntoTheSecond);
        var id = Assert.Single((await Runs.CommitAsync(start.RunId, Changes(new StepRecord(NewStepId(), start.RunId, "hand", "", 2, StepStatus.Waiting, null, "{}", "", null, at, at, null)), at, default))!).Id;
        var modelWritten = Assert.Single(await Runs.AddStepsAsync(start.RunId, [new NewStep("model", "", 2, StepStatus.Waiting, at)], at, default));

        var hand = await StoredTextAsync(id);
        var model = await StoredTextAsync(modelWritten.Id);

        Assert.Equal(id, hand["Id"]);
        Assert.Equal(at.Ticks, hand["ScheduledAt"]);
        Assert.Equal(model["ScheduledAt"], hand["ScheduledAt"]);
        Assert.Equal(model["Status"], hand["Status"]);
        Assert.Equal(model["Attempt"], hand["Attempt"]);
        Assert.Equal(model["Scope"], hand["Scope"]);
        Assert.Equal("", hand["Port"]);
        Assert.Null(hand["FinishedAt"]);
        var stored = (await Runs.GetSnapshotAsync(start.RunId, default))!.Steps.Single(s => s.Id == id);
        Assert.Equal(at, stored.ScheduledAt);
    }

    [Fact]
    public async Task ARunReadBack_EqualsWhatWasWritten_FieldByField_ForEveryAttempt()
    {
        var start = await StartAsync(dedupeKey: null);
        var at = new DateTime(2026, 12, 5, 18, 30, 1, DateTimeKind.Utc).AddTicks(1234567);
        StepRecord Attempt(int attempt, StepStatus status, string? output, string? port, string? error, DateTime? scheduled, DateTime? finished) => new(
            NewStepId(), start.RunId, "incident", "1", attempt, status, """{"url":"https://example.service-now.com/api/now/table/incident"}""",
            output, port, error, scheduled, at.AddTicks(attempt), finished);
        var written = new List<StepRecord>
        {
            Attempt(1, StepStatus.Failed, null, null, "The vendor answered 503 Service Unavailable.", null, at.AddSeconds(1)),
            Attempt(2, StepStatus.Failed, null, null, "The vendor answered 429 Too Many Requests.", at.AddSeconds(2), at.AddSeconds(3)),
            Attempt(3, StepStatus.Succeeded, """{"status":201,"body":{"result":{"number":"INC0010001"}}}""", "out", null, at.AddSeconds(4), at.AddSeconds(5)),
            new(NewStepId(), start.RunId, "sales", "1", 1, StepStatus.Skipped, null, null, null, null, null, null, at),
            new(NewStepId(), start.RunId, "wait", "", 1, StepStatus.Waiting, null, null, null, null, at.AddHours(1), at, null),
        };
        written = [.. (await Runs.CommitAsync(start.RunId, new RunChanges(written, [], null), at, default))!];
        Assert.All(written, s => Assert.True(s.Id > start.Snapshot!.Steps.Single().Id));

        var stored = (await Runs.GetSnapshotAsync(start.RunId, default))!.Steps;

        Assert.Equal(start.Snapshot!.Steps.Single(), stored[0]); // the trigger, its output the event's payload
        Assert.Equal("""{"order":42}""", stored[0].OutputJson);
        Assert.Equal(written.OrderBy(s => s.Id), stored.Skip(1).OrderBy(s => s.Id));
        Assert.All(stored, s => Assert.Equal(s, Runs.FindStepAsync(s.Id, default).Result));
    }

    [Fact]
    public async Task OutputsThatRepeatAValueOfTheRun_AreStoredOnce_AndReadBackWhole()
    {
        var start = await StartAsync(dedupeKey: null);
        var at = DateTime.UtcNow;
        const string order = """{"orderId":"100000042","lines":[{"sku":"SKU-0","qty":1},{"sku":"INSTALL","qty":2}]}""";
        const string answered = """{"status":200,"headers":{"content-type":"application/json"},"body":{"id":"ok"}}""";
        StepRecord Done(string node, string scope, string? input, string output, string port = "out") =>
            new(NewStepId(), start.RunId, node, scope, 1, StepStatus.Succeeded, input, output, port, null, null, at, at);
        var loop = Done("each", "", """{"items":[{"sku":"SKU-0","qty":1},{"sku":"INSTALL","qty":2}],"parallelism":2}""", $"[{answered},{answered}]", "done");
        var written = new List<StepRecord>
        {
            Done("map", "", $$"""{"fields":{{order}}}""", order), // its own setting
            Done("any", "", """{"condition":true}""", order), // what it was given, the map's output
            loop, // its items' results, whose rows come after it
            Done("sales", "0", """{"url":"https://example.netsuite.com/record/v1/salesOrder"}""", answered),
            Done("line", "0", "{}", answered),
            Done("line", "1", "{}", answered),
            Done("svc", "1", """{"condition":true}""", """{"sku":"INSTALL","qty":2}""", "true"), // the item it tested
            Done("short", "", "{}", """{"a":1}"""),
            Done("short2", "", "{}", """{"a":1}"""),
        };
        written = [.. (await Runs.CommitAsync(start.RunId, new RunChanges(written, [], null) { Earlier = start.Snapshot!.Steps }, at, default))!];

        var stored = await StoredOutputsAsync(start.RunId);
        Assert.Equal("=input/fields", stored["map"]);
        Assert.Equal("=1//map", stored["any"]);
        Assert.Equal("""=["1/0/sales","1/0/sales"]""", stored["each"]);
        Assert.Equal(answered, stored["sales"]);
        Assert.Equal("=1/0/sales", stored["line"]);
        Assert.Equal("=1//each#1", stored["svc"]);
        Assert.Equal("""{"a":1}""", stored["short2"]); // shorter than a reference
        var read = (await Runs.GetSnapshotAsync(start.RunId, default))!.Steps;
        Assert.Equal(written.OrderBy(s => s.Id), read.Where(s => s.NodeId != "hook").OrderBy(s => s.Id));
        var loopWritten = written.Single(s => s.NodeId == loop.NodeId);
        Assert.Equal(loop with { Id = loopWritten.Id }, loopWritten);
        Assert.Equal(loopWritten, await Runs.FindStepAsync(loopWritten.Id, default));
    }

    private async Task<Dictionary<string, string?>> StoredOutputsAsync(Guid runId)
    {
        await using var connection = await _services.OpenConnectionAsync();
        await using var query = connection.Command("""SELECT "NodeId", "OutputJson" FROM "Steps" WHERE "RunId" = @run ORDER BY "Scope" DESC""")
            .With("run", runId.ToByteArray(bigEndian: true));
        var outputs = new Dictionary<string, string?>();
        await using var reader = await query.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            outputs[reader.GetString(0)] = reader.IsDBNull(1) ? null : reader.GetString(1);
        }

        return outputs;
    }

    [Fact]
    public async Task StoredIds_SortByTheTimeTheyWereMade()
    {
        var version = await PublishedVersionAsync();
        var first = new DateTimeOffset(2026, 12, 5, 18, 0, 0, TimeSpan.Zero);
        // 300 ids a millisecond apart: their time crosses a byte boundary, where .NET's own byte order would not sort.
        var made = Enumerable.Range(0, 300).Select(i => TimeOrderedId.New(first.AddMilliseconds(i))).ToList();
        await Task.WhenAll(made.AsEnumerable().Reverse().Select(id => Runs.StartRunAsync(
            new NewRun(version.WorkflowId, version.Id, "hook", RunCause.Webhook, "webhook", "test", "{}", id, null), DateTime.UtcNow, default)));

        await using var connection = await _services.OpenConnectionAsync();
        await using var query = connection.Command("""SELECT "CorrelationId" FROM "Runs" ORDER BY "CorrelationId" """);
        var stored = new List<Guid>();
        await using (var reader = await query.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                var bytes = (byte[])reader.GetValue(0);
                Assert.Equal(16, bytes.Length);
                stored.Add(new Guid(bytes, bigEndian: true));
            }
        }

        Assert.Equal(made, stored);
        Assert.NotEqual(made, made.OrderBy(id => Convert.ToHexString(id.ToByteArray())).ToList());
    }

    [Fact]
    public async Task FindRuns_PagesNewestFirst_ByTheTimeOrderedId_WithNoRunTwiceOrLeftOut()
    {
        var started = new List<Guid>();
        for (var i = 0; i < 7; i++)
        {
            started.Add((await StartAsync(dedupeKey: null)).RunId);
        }

        var pages = new List<RunPage>();
        Guid? after = null;
        do
        {
            var page = await Runs.FindRunsAsync(new RunFilter(), after, 3, default);
            pages.Add(page);
            after = page.Next;
        }
        while (after is not null);

        // Newest first by id: by the millisecond the id was made, then by its random part (runs of one millisecond).
        var newestFirst = started.OrderByDescending(id => Convert.ToHexString(id.ToByteArray(bigEndian: true)), StringComparer.Ordinal);
        Assert.Equal([3, 3, 1], pages.Select(p => p.Runs.Count));
        Assert.Equal(newestFirst, pages.SelectMany(p => p.Runs).Select(r => r.Id));
    }

    [Fact]
    public async Task FindRuns_Filters_ByWorkflowStatusCauseTimeAndId_AllTogether()
    {
        var first = await StartAsync(dedupeKey: null);
        var failed = await StartAsync(dedupeKey: null);
        var chained = await Runs.StartRunAsync(NewRunOf(await PublishedVersionAsync()) with { CorrelationId = first.Snapshot!.Run.CorrelationId }, DateTime.UtcNow, default);
        var other = await PublishAsync(_services);
        var elsewhere = await Runs.StartRunAsync(NewRunOf(other) with { Cause = RunCause.Schedule }, DateTime.UtcNow, default);
        await Runs.FinishRunAsync(failed.RunId, RunStatus.Failed, null, "The vendor answered 500.", DateTime.UtcNow, default);

        // Which runs, in any order (the order is the paging test's).
        async Task<IEnumerable<Guid>> IdsAsync(RunFilter filter) => (await Runs.FindRunsAsync(filter, null, 50, default)).Runs.Select(r => r.Id).Order();

        Assert.Equal(new[] { chained.RunId, failed.RunId, first.RunId }.Order(), await IdsAsync(new RunFilter { WorkflowId = _version!.WorkflowId }));
        Assert.Equal(new[] { failed.RunId }.Order(), await IdsAsync(new RunFilter { Statuses = [RunStatus.Failed] }));
        Assert.Equal(new[] { elsewhere.RunId, chained.RunId, first.RunId }.Order(), await IdsAsync(new RunFilter { Statuses = [RunStatus.Pending, RunStatus.Succeeded] }));
        Assert.Equal(new[] { elsewhere.RunId }.Order(), await IdsAsync(new RunFilter { Causes = [RunCause.Schedule] }));
        Assert.Empty(await IdsAsync(new RunFilter { WorkflowId = other.WorkflowId, Causes = [RunCause.Webhook] }));
        Assert.Equal(new[] { chained.RunId, first.RunId }.Order(), await IdsAsync(new RunFilter { Id = first.Snapshot.Run.CorrelationId }));
        Assert.Equal(new[] { failed.RunId }.Order(), await IdsAsync(new RunFilter { Id = failed.RunId }));
        Assert.Empty(await IdsAsync(new RunFilter { From = DateTime.UtcNow.AddMinutes(1) }));
        Assert.Equal(4, (await IdsAsync(new RunFilter { From = DateTime.UtcNow.AddMinutes(-1), To = DateTime.UtcNow.AddMinutes(1) })).Count());
    }

    [Fact]
    public async Task StepIds_GoOnAboveTheHighestStored_AfterARestart()
    {
        await using var first = await TestServices.StartAsync(provider: Provider);
        var runs = first.Get<IRunStore>();
        var start = await runs.StartRunAsync(NewRunOf(await PublishAsync(first)), DateTime.UtcNow, default);
        var added = await runs.AddStepsAsync(start.RunId, [new NewStep("a", "", 1, StepStatus.Pending, null), new NewStep("b", "", 1, StepStatus.Pending, null)], DateTime.UtcNow, default);
        var highest = added.Max(s => s.Id);
        Assert.True(added.Min(s => s.Id) > start.Snapshot!.Steps.Single().Id);
        await first.StopAsync();

        await using var again = await TestServices.StartAsync(storage: first.Storage);
        var store = again.Get<IRunStore>();
        var later = Assert.Single(await store.AddStepsAsync(start.RunId, [new NewStep("c", "", 1, StepStatus.Pending, null)], DateTime.UtcNow, default));

        Assert.True(later.Id > highest, $"{later.Id} should be above {highest}");
        Assert.Equal(later, await store.FindStepAsync(later.Id, default));
    }

    private async Task<Dictionary<string, object?>> StoredTextAsync(long stepId)
    {
        await using var connection = await _services.OpenConnectionAsync();
        await using var query = connection.Command("""SELECT "Id", "ScheduledAt", "Status", "Attempt", "Scope", "Port", "FinishedAt" FROM "Steps" WHERE "Id" = @id""")
            .With("id", stepId);
        await using var reader = await query.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return Enumerable.Range(0, reader.FieldCount).ToDictionary(reader.GetName, i => reader.IsDBNull(i) ? null : reader.GetValue(i));
    }

    private async Task<RunStart> StartAsync(string? dedupeKey) => await Runs.StartRunAsync(NewRunOf(await PublishedVersionAsync(), dedupeKey), DateTime.UtcNow, default);

    private static NewRun NewRunOf(VersionRecord version, string? dedupeKey = null) =>
        new(version.WorkflowId, version.Id, "hook", RunCause.Webhook, "webhook", "test", """{"order":42}""", Guid.NewGuid(), dedupeKey) { VersionNumber = version.Number };

    private VersionRecord? _version;

    private async Task<VersionRecord> PublishedVersionAsync()
    {
        return _version ??= await PublishAsync(_services);
    }

    private static async Task<VersionRecord> PublishAsync(TestServices services)
    {
        var definition = WorkflowDefinition.Empty("Orders") with { Nodes = [new NodeDefinition("hook", "core.webhook", "Hook")] };
        var workflow = await services.Get<IWorkflowStore>().CreateAsync(new WorkflowDraft(definition, "core.webhook", "POST orders"), TestActors.Ann, "created", default);
        return await services.Get<IVersionStore>().PublishAsync(workflow.Id, definition, "core.webhook", "POST orders", null, TestActors.Ann, default);
    }

    private StepRecord Step(Guid runId, string nodeId, DateTime now) =>
        new(NewStepId(), runId, nodeId, "", 1, StepStatus.Succeeded, "{}", "{}", "out", null, null, now, now);

    private static RunChanges Changes(StepRecord step) => new([step], [], null);
}
