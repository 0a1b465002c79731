using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace FlowDesigner.Benchmarks;

/// <summary>
/// The run list at size: a database of <c>runs</c> finished runs of the reference workflow (one in fifty failed), each
/// with its event, written straight into the product's tables, then the product started on it and each list read
/// timed through the API (median of seven, after a warm-up): first pages, deep pages, the failed filter, a chain, a
/// title search, the Workflows list, the event stream and a causal chain of a hundred runs; then the Runs, run, Events
/// and event pages in Chromium, until their rows are drawn.
/// </summary>
public static class RunListBenchmark
{
    private const int Repeats = 7;

    public static async Task<string> RunAsync(BenchmarkOptions options, int runs, TextWriter progress)
    {
        var folder = Directory.CreateTempSubdirectory("flowdesigner-runlist-").FullName;
        var sink = new Uri("http://127.0.0.1:9/");
        try
        {
            Guid workflowId;
            await using (var product = await ProductProcess.StartAsync(options.ProductConfiguration, sink, folder))
            {
                workflowId = await product.ImportAndPublishAsync(Testing.ReferenceOrder.Workflow());
                await product.StopAsync();
            }

            progress.WriteLine($"Writing {runs:N0} runs ...");
            var written = Stopwatch.StartNew();
            await WriteRunsAsync(Path.Combine(folder, "flowdesigner.db"), workflowId, runs);
            progress.WriteLine($"Written in {written.Elapsed.TotalSeconds:N0} s ({new FileInfo(Path.Combine(folder, "flowdesigner.db")).Length / 1048576.0:N0} MiB).");

            await using var again = await ProductProcess.StartAsync(options.ProductConfiguration, sink, folder);
            var deep = await IdOfRunAsync(again.DatabasePath, offsetFromOldest: 50, failed: false);
            var deepFailed = await IdOfRunAsync(again.DatabasePath, offsetFromOldest: 2, failed: true);
            var chain = await IdOfRunAsync(again.DatabasePath, offsetFromOldest: runs / 2, failed: false);
            var oldest = await TimeOfRunAsync(again.DatabasePath, offsetFromOldest: 0);
            var chainRun = await IdOfRunAsync(again.DatabasePath, offsetFromOldest: ChainStart(runs), failed: false);
            var chainEvent = await IdOfEventAsync(again.DatabasePath, offsetFromOldest: ChainStart(runs));
            var deepEvent = await IdOfEventAsync(again.DatabasePath, offsetFromOldest: 50);
            var reads = new (string Name, string Path)[]
            {
                ("all runs, first page", "api/runs"),
                ($"all runs, page after run {runs - 51:N0} (near the oldest)", $"api/runs?after={deep}"),
                ("one workflow, first page", $"api/runs?workflow={workflowId}"),
                ("one workflow, page near the oldest", $"api/runs?workflow={workflowId}&after={deep}"),
                ("failed, first page", "api/runs?status=Failed"),
                ("failed, page near the oldest", $"api/runs?status=Failed&after={deepFailed}"),
                ("runs before a time near the oldest", $"api/runs?to={oldest.AddSeconds(1):yyyy-MM-ddTHH:mm:ssZ}"),
                ("a chain, by its correlation id", $"api/runs?id={chain}"),
                ("title search, 'order 4242' (a few matches)", "api/runs?title=order%204242"),
                ("title search, 'ORDER 1' (one in nine runs)", "api/runs?title=ORDER%201"),
                ("a run, with its steps", $"api/runs/{chain}"),
                ("the Workflows list", "api/workflows"),
                ("events, first page", "api/events"),
                ($"events, page after event {runs - 51:N0} (the last page)", $"api/events?after={deepEvent}"),
                ("events named 'order.next' (100 of them), first page", "api/events?name=order.next"),
                ("events from runs, first page", "api/events?source=run"),
                ("events before a time near the oldest", $"api/events?to={oldest.AddSeconds(1):yyyy-MM-ddTHH:mm:ssZ}"),
                ($"the chain of {ChainRuns} runs, from its first event", $"api/events/{chainEvent}/chain"),
                ($"the chain of {ChainRuns} runs, from its first run", $"api/runs/{chainRun}/chain"),
            };
            var lines = new List<string> { $"| read ({runs:N0} runs) | rows | median ms | slowest ms |", "| --- | ---: | ---: | ---: |" };
            foreach (var (name, path) in reads)
            {
                var (rows, median, slowest) = await TimeAsync(again.Api, path);
                lines.Add($"| {name} | {rows} | {median:N1} | {slowest:N1} |");
            }

            lines.Add("");
            lines.Add($"| page ({runs:N0} runs, Chromium 1440x900) | rows | median ms | slowest ms |");
            lines.Add("| --- | ---: | ---: | ---: |");
            var pages = new (string Name, string Path, string Ready)[]
            {
                ("Runs, first page", "runs", ".fd-run-row"),
                ("Runs, the oldest runs (to a time near the oldest)", $"runs?to={oldest.AddSeconds(1):yyyy-MM-ddTHH:mm:ssZ}", ".fd-run-row"),
                ("Runs, failed", "runs?status=failed", ".fd-run-row"),
                ("Runs, title search 'order 4242'", "runs?title=order%204242", ".fd-run-row"),
                ("a run page", $"runs/{chain}", "#run-timeline .fd-timeline-bar"),
                ("Events, first page", "events", ".fd-event-row"),
                ("Events, the last page", $"events?after={deepEvent}", ".fd-event-row"),
                ($"an event page with its chain of {ChainRuns} runs", $"events/{chainEvent}", ".fd-chain-run"),
            };
            foreach (var (name, path, ready) in pages)
            {
                var (rows, median, slowest) = await TimePageAsync(again.Address, path, ready);
                lines.Add($"| {name} | {rows} | {median:N0} | {slowest:N0} |");
            }

            return string.Join(Environment.NewLine, lines);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Opens the page afresh each time, from the address to its rows drawn by the interactive circuit (median of five after a warm-up).</summary>
    private static async Task<(int Rows, double Median, double Slowest)> TimePageAsync(Uri address, string path, string ready)
    {
        using var playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        await using var browser = await DesignerBenchmark.LaunchAsync(playwright);
        await using var context = await browser.NewContextAsync(new Microsoft.Playwright.BrowserNewContextOptions
        {
            BaseURL = address.ToString(),
            ViewportSize = new Microsoft.Playwright.ViewportSize { Width = 1440, Height = 900 },
        });
        var page = await context.NewPageAsync();
        await DesignerBenchmark.SignInAsync(page);
        var times = new List<double>();
        var rows = 0;
        for (var i = 0; i < 6; i++)
        {
            await page.GotoAsync("about:blank");
            var watch = Stopwatch.StartNew();
            await page.GotoAsync(path);
            await page.Locator("[data-interactive=true]").WaitForAsync();
            await page.Locator(ready).First.WaitForAsync(new() { Timeout = 60_000 });
            if (i > 0)
            {
                times.Add(watch.Elapsed.TotalMilliseconds);
            }

            rows = await page.Locator(ready).CountAsync();
        }

        times.Sort();
        return (rows, times[times.Count / 2], times[^1]);
    }

    private static async Task<(int Rows, double Median, double Slowest)> TimeAsync(HttpClient api, string path)
    {
        var rows = 0;
        var warmUp = await api.GetAsync(path);
        if (!warmUp.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"GET {path} answered {(int)warmUp.StatusCode}: {await warmUp.Content.ReadAsStringAsync()}");
        }

        var times = new List<double>();
        for (var i = 0; i < Repeats; i++)
        {
            var watch = Stopwatch.StartNew();
            var answer = await api.GetFromJsonAsync<JsonElement>(path);
            times.Add(watch.Elapsed.TotalMilliseconds);
            rows = answer.ValueKind == JsonValueKind.Array ? answer.GetArrayLength()
                : answer.TryGetProperty("runs", out var list) ? list.GetArrayLength()
                : answer.TryGetProperty("events", out var events) ? events.GetArrayLength()
                : answer.TryGetProperty("count", out var count) ? count.GetInt32()
                : answer.TryGetProperty("steps", out var steps) ? steps.GetArrayLength() : 1;
        }

        times.Sort();
        return (rows, times[Repeats / 2], times[^1]);
    }

    /// <summary>
    /// Runs and their events as the product stores them: time-ordered 16-byte ids one millisecond apart, ending now;
    /// every fiftieth run failed. The trigger step of each run is written too, so that a run reads back.
    /// </summary>
    private static async Task WriteRunsAsync(string databasePath, Guid workflowId, int runs)
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        await connection.OpenAsync();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        var version = await ScalarAsync(connection, transaction, "SELECT \"ActiveVersionId\" FROM \"Workflows\" WHERE \"Id\" = $id", workflowId.ToByteArray(bigEndian: true));
        var firstStep = (long)(await ScalarAsync(connection, transaction, "SELECT coalesce(max(\"Id\"), 0) + 1 FROM \"Steps\"", null))!;
        var oldest = DateTimeOffset.UtcNow.AddMilliseconds(-runs).ToUnixTimeMilliseconds();
        var ticksAtOldest = DateTimeOffset.FromUnixTimeMilliseconds(oldest).UtcTicks;
        string IdSql(string kind, string i = "i") => $"unhex(printf('%012X', {oldest} + {i}) || '7{kind}' || printf('%02X', ({i}) % 256) || '8' || printf('%015X', {i}))";
        await ExecuteAsync(connection, transaction, $"""
            WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < {runs})
            INSERT INTO "Events" ("Id", "Type", "Source", "PayloadJson", "CorrelationId", "CausedByRunId", "DedupeKey", "ReceivedAt")
            SELECT {IdSql("E")}, 'webhook', 'POST /hooks/orders',
              '{"{"}"method":"POST","path":"/hooks/orders","headers":{"{"}"content-type":"application/json"{"}"},"query":{"{}"},"body":{"{"}"order":{"{"}"increment_id":"' || i || '","customer_email":"ann@example.com","items":[{"{"}"sku":"SKU-0","type":"product","qty":1{"}"}]{"}"}{"}"}{"}"}',
              {IdSql("E")}, NULL, NULL, {ticksAtOldest} + i * 10000 FROM n;
            """, version);
        await ExecuteAsync(connection, transaction, $"""
            WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < {runs})
            INSERT INTO "Runs" ("Id", "WorkflowId", "VersionId", "EventId", "Status", "Cause", "CorrelationId", "DedupeKey", "OutputJson", "ParentStepId", "Error",
              "CreatedAt", "StartedAt", "FinishedAt", "HolderId", "Title", "TitleKey")
            SELECT {IdSql("A")}, $workflow, $version, {IdSql("E")}, CASE WHEN i % 50 = 7 THEN 4 ELSE 3 END, 0, {IdSql("E")}, NULL,
              CASE WHEN i % 50 = 7 THEN NULL ELSE '{"{"}"orderId":"' || i || '","lines":1{"}"}' END, NULL,
              CASE WHEN i % 50 = 7 THEN 'The vendor answered 503 Service Unavailable.' END,
              {ticksAtOldest} + i * 10000, {ticksAtOldest} + i * 10000 + 2000, {ticksAtOldest} + i * 10000 + 30000, NULL, 'Order ' || i, 'order ' || i FROM n;
            """, version, workflowId);
        await ExecuteAsync(connection, transaction, $"""
            WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < {runs})
            INSERT INTO "Steps" ("Id", "RunId", "NodeId", "Scope", "JobId", "Attempt", "Status", "InputJson", "OutputJson", "Port", "Error", "ScheduledAt", "StartedAt", "FinishedAt")
            SELECT {firstStep} + i, {IdSql("A")}, 'hook', '', NULL, 1, 3, NULL, '=event', NULL, NULL, NULL, {ticksAtOldest} + i * 10000, 0 FROM n;
            """, version);

        // A causal chain of a hundred runs in the middle: each run's event emitted by the run before it.
        var first = ChainStart(runs);
        await ExecuteAsync(connection, transaction, $"""
            WITH RECURSIVE n(i) AS (SELECT {first + 1} UNION ALL SELECT i + 1 FROM n WHERE i + 1 < {first + ChainRuns})
            UPDATE "Events" SET "Type" = 'order.next', "Source" = 'run ' || lower(hex(x.run)), "CausedByRunId" = x.run, "CorrelationId" = x.root
            FROM (SELECT {IdSql("E")} AS event, {IdSql("A", "i - 1")} AS run, {IdSql("E", first.ToString(System.Globalization.CultureInfo.InvariantCulture))} AS root FROM n) AS x
            WHERE "Events"."Id" = x.event;
            """, version);
        await ExecuteAsync(connection, transaction, $"""
            UPDATE "Runs" SET "Cause" = 3, "CorrelationId" = e."CorrelationId" FROM "Events" AS e WHERE e."Id" = "Runs"."EventId" AND e."Type" = 'order.next';
            """, version);
        await transaction.CommitAsync();
    }

    private const int ChainRuns = 100;

    /// <summary>The run (counted from the oldest) whose event begins the chain of <see cref="ChainRuns"/> runs.</summary>
    private static int ChainStart(int runs) => runs / 3;

    private static async Task<DateTime> TimeOfRunAsync(string databasePath, int offsetFromOldest)
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        await connection.OpenAsync();
        var ticks = (long)(await ScalarAsync(connection, null, $"SELECT \"CreatedAt\" FROM \"Runs\" ORDER BY \"Id\" LIMIT 1 OFFSET {offsetFromOldest}", null))!;
        return new DateTime(ticks, DateTimeKind.Utc);
    }

    /// <summary>The id of an event counted from the oldest.</summary>
    private static async Task<Guid> IdOfEventAsync(string databasePath, int offsetFromOldest)
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        await connection.OpenAsync();
        var id = (byte[])(await ScalarAsync(connection, null, $"SELECT \"Id\" FROM \"Events\" ORDER BY \"Id\" LIMIT 1 OFFSET {offsetFromOldest}", null))!;
        return new Guid(id, bigEndian: true);
    }

    /// <summary>The id of a run counted from the oldest (of the failed ones only, when asked).</summary>
    private static async Task<Guid> IdOfRunAsync(string databasePath, int offsetFromOldest, bool failed)
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        await connection.OpenAsync();
        var id = (byte[])(await ScalarAsync(connection, null,
            $"SELECT \"Id\" FROM \"Runs\" {(failed ? "WHERE \"Status\" = 4" : "")} ORDER BY \"Id\" LIMIT 1 OFFSET {offsetFromOldest}", null))!;
        return new Guid(id, bigEndian: true);
    }

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction transaction, string sql, object? version, Guid? workflow = null)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.CommandTimeout = 0;
        if (sql.Contains("$version", StringComparison.Ordinal))
        {
            command.Parameters.AddWithValue("$version", version ?? DBNull.Value);
        }

        if (workflow is { } id)
        {
            command.Parameters.AddWithValue("$workflow", id.ToByteArray(bigEndian: true));
        }

        await command.ExecuteNonQueryAsync();
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, byte[]? id)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        if (id is not null)
        {
            command.Parameters.AddWithValue("$id", id);
        }

        return await command.ExecuteScalarAsync();
    }
}
