using FlowDesigner.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace FlowDesigner.Testing;

/// <summary>
/// A database as the product wrote it before the compact history (ids as text, times as text): migrated up to the
/// migration before that change, with one published workflow and <c>runs</c> runs of the reference order's shape,
/// each with its event and 15 step rows, including a retried step, a skipped one and a waiting one. Run <c>n</c>'s
/// rows are the template's with their ids numbered by <c>n</c>, so what a test expects is known row by row.
/// </summary>
public static class LegacyHistory
{
    public const string LastMigrationBefore = "20261205091548_Accounts";

    public const string WorkflowId = "0194A1B2-0000-7000-8000-000000000001";

    public const string VersionId = "0194A1B2-0000-7000-8000-000000000002";

    public static Guid RunId(int n) => Guid.Parse($"{n:X8}-0001-7000-8000-000000000000");

    public static Guid EventId(int n) => Guid.Parse($"{n:X8}-0002-7000-8000-000000000000");

    /// <summary>The id the migration gives a step's row: the old row's place in its table, counted from 1.</summary>
    public static long StepId(int n, int step) => (long)n * Steps.Count + step + 1;

    /// <summary>Run 1 was called by run 0's fourth step (a sub-flow call), so its parent step id is converted too.</summary>
    public const int CalledRun = 1;

    // The same ids made by SQL for run i, as the old rows held them: upper-case text.
    private const string RunIdSql = "printf('%08X-0001-7000-8000-000000000000', i)";
    private const string EventIdSql = "printf('%08X-0002-7000-8000-000000000000', i)";

    /// <summary>The template run's steps, as their old rows held them (n = 0).</summary>
    public static IReadOnlyList<LegacyStep> Steps { get; } = BuildSteps();

    public const string Payload = """{"method":"POST","path":"/hooks/orders","headers":{"content-type":"application/json"},"query":{},"body":{"order":{"increment_id":"100000042","items":[{"sku":"SKU-0","type":"product","qty":1},{"sku":"INSTALL","type":"service","qty":2}]}}}""";

    public const string RunOutput = """{"orderId":"100000042","lines":2}""";

    public const string CreatedAt = "2026-12-01 08:00:00.1234567";

    public const string StartedAt = "2026-12-01 08:00:00.2";

    public const string FinishedAt = "2026-12-01 08:00:01";

    public static async Task CreateAsync(string databasePath, int runs, CancellationToken cancellationToken = default)
    {
        SqliteLibrarySetup.Apply(); // as the product's host does before its first connection

        await using (var db = new FlowDbContext(new DbContextOptionsBuilder<FlowDbContext>().UseSqlite($"Data Source={databasePath};Pooling=False").Options))
        {
            await db.GetService<IMigrator>().MigrateAsync(LastMigrationBefore, cancellationToken);
        }

        await using var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, $"""
            PRAGMA defer_foreign_keys = ON; -- the workflow and its active version name each other
            INSERT INTO "Workflows" ("Id", "Name", "DraftJson", "DraftHash", "Revision", "TriggerType", "TriggerSummary", "ActiveVersionId", "CreatedAt", "CreatedBy",
              "CreatedById", "UpdatedAt", "UpdatedBy", "UpdatedById", "SamplePayloadJson") VALUES ('{WorkflowId}', 'Order fulfilment', '{"{"}"schema":1,"name":"Order fulfilment","nodes":[],"edges":[]{"}"}', 'HASH',
              '0194A1B2-0000-7000-8000-000000000003', 'core.webhook', 'POST /hooks/orders', '{VersionId}', '2026-11-30 10:00:00', 'Ann', 'ann',
              '2026-11-30 10:00:00', 'Ann', 'ann', NULL);
            INSERT INTO "WorkflowVersions" ("Id", "WorkflowId", "Number", "DefinitionJson", "DefinitionHash", "TriggerType", "TriggerKey", "PublishedAt",
              "PublishedBy", "PublishedById", "Note") VALUES ('{VersionId}', '{WorkflowId}', 1, '{"{"}"schema":1,"name":"Order fulfilment","nodes":[],"edges":[]{"}"}', 'HASH',
              'core.webhook', 'orders', '2026-11-30 10:00:00', 'Ann', 'ann', NULL);
            WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < {runs})
            INSERT INTO "Events" ("Id", "Type", "Source", "PayloadJson", "CorrelationId", "CausedByRunId", "DedupeKey", "ReceivedAt")
            SELECT {EventIdSql}, 'webhook', 'POST /hooks/orders', '{Payload}', {EventIdSql}, NULL, 'key-' || i, '{CreatedAt}' FROM n;
            WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < {runs})
            INSERT INTO "Runs" ("Id", "WorkflowId", "VersionId", "EventId", "Status", "Cause", "CorrelationId", "DedupeKey", "OutputJson", "ParentStepId", "Error",
              "CreatedAt", "StartedAt", "FinishedAt", "HolderId")
            SELECT {RunIdSql}, '{WorkflowId}', '{VersionId}', {EventIdSql}, 'Succeeded', 'Webhook', {EventIdSql},
              'key-' || i, '{RunOutput}', CASE WHEN i = {CalledRun} THEN printf('%08X-0003-7000-8000-%012X', 0, 3) END, NULL, '{CreatedAt}', '{StartedAt}', '{FinishedAt}', NULL FROM n;
            """, cancellationToken);
        // The steps go in run after run, as the product wrote them, so their row order is their ids' order.
        await ExecuteAsync(connection, """
            CREATE TEMP TABLE "Template" ("K" INTEGER, "NodeId", "Scope", "Attempt", "Status", "InputJson", "OutputJson", "Port", "Error", "ScheduledAt", "StartedAt", "FinishedAt")
            """, cancellationToken);
        foreach (var (step, index) in Steps.Select((s, i) => (s, i)))
        {
            await ExecuteAsync(connection, $"""
                INSERT INTO "Template" VALUES ({index}, '{step.NodeId}', '{step.Scope}', {step.Attempt}, '{step.Status}', {Text(step.InputJson)}, {Text(step.OutputJson)},
                  {Text(step.Port)}, {Text(step.Error)}, {Text(step.ScheduledAt)}, {Text(step.StartedAt)}, {Text(step.FinishedAt)})
                """, cancellationToken);
        }

        await ExecuteAsync(connection, $"""
            WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < {runs})
            INSERT INTO "StepRuns" ("Id", "RunId", "NodeId", "Scope", "JobId", "Attempt", "Status", "InputJson", "OutputJson", "Port", "Error",
              "ScheduledAt", "StartedAt", "FinishedAt")
            SELECT printf('%08X-0003-7000-8000-%012X', i, "K"), {RunIdSql}, "NodeId", "Scope", NULL, "Attempt", "Status", "InputJson", "OutputJson", "Port", "Error",
              "ScheduledAt", "StartedAt", "FinishedAt"
            FROM n CROSS JOIN "Template" ORDER BY i, "K";
            """, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>An old time's text as the moment it names (UTC).</summary>
    public static DateTime? Time(string? text) =>
        text is null ? null : DateTime.SpecifyKind(DateTime.Parse(text, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc);

    private static string Text(string? value) => value is null ? "NULL" : $"'{value.Replace("'", "''", StringComparison.Ordinal)}'";

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static List<LegacyStep> BuildSteps()
    {
        const string at = "2026-12-01 08:00:00.3";
        const string ok = """{"status":200,"headers":{"content-type":"application/json"},"body":{"id":"ok","success":true}}""";
        var steps = new List<LegacyStep>
        {
            new("hook", "", 1, "Succeeded", null, Payload, "out", null, null, CreatedAt, CreatedAt),
            new("map", "", 1, "Succeeded", """{"fields":{"orderId":"100000042"}}""", """{"orderId":"100000042"}""", "out", null, null, at, "2026-12-01 08:00:00.3000001"),
            new("each", "", 1, "Succeeded", """{"items":[1,2],"parallelism":2}""", $"[{ok},{ok}]", "done", null, null, at, at),
        };
        foreach (var scope in new[] { "0", "1" })
        {
            steps.Add(new("svc", scope, 1, "Succeeded", """{"condition":true}""", """{"sku":"INSTALL"}""", "true", null, null, at, at));
            steps.Add(new("sales", scope, 1, "Skipped", null, null, null, null, null, null, at));
            steps.Add(new("incident", scope, 1, "Failed", """{"method":"POST","url":"https://example.service-now.com/api/now/table/incident"}""", null, null,
                "The vendor answered 503 Service Unavailable.", null, at, "2026-12-01 08:00:00.4"));
            steps.Add(new("incident", scope, 2, "Succeeded", """{"method":"POST","url":"https://example.service-now.com/api/now/table/incident"}""", ok, "out", null,
                "2026-12-01 08:00:00.9", "2026-12-01 08:00:00.9", "2026-12-01 08:00:00.95"));
            steps.Add(new("line", scope, 1, "Succeeded", "{}", ok, "out", null, null, at, at));
        }

        steps.Add(new("wait", "", 1, "Waiting", null, null, null, null, "2026-12-01 09:00:00", null, null));
        steps.Add(new("answer", "", 1, "Succeeded", """{"body":{"orderId":"100000042","lines":2}}""", RunOutput, "out", null, null, FinishedAt, FinishedAt));
        return steps;
    }
}
