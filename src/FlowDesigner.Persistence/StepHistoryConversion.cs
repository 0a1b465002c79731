using System.Diagnostics;
using FlowDesigner.Model.Runs;
using FlowDesigner.Persistence.Stores;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace FlowDesigner.Persistence;

/// <summary>
/// Moves the step history of a database written before the compact history (table <c>StepRuns</c>: text ids, text
/// times, statuses by name) into <c>Steps</c> while the product serves, so that an upgrade starts in seconds: the
/// steps of unfinished runs first, then the rest in small batches, each a short write, oldest first. A run or step
/// read before its turn is moved on the spot, so every read sees it whole. A step keeps its old row's rowid as its
/// id. When the old table is empty it is dropped.
/// </summary>
public sealed class StepHistoryConversion
{
    /// <summary>Rows moved in one write: a few tens of milliseconds of the write lock.</summary>
    private const int BatchRows = 5_000;

    private readonly IDbContextFactory<FlowDbContext> _contextFactory;
    private readonly WriteGate _gate;
    private readonly ILogger<StepHistoryConversion> _logger;
    private volatile bool _pending;

    internal StepHistoryConversion(IDbContextFactory<FlowDbContext> contextFactory, WriteGate gate, ILogger<StepHistoryConversion> logger)
    {
        _contextFactory = contextFactory;
        _gate = gate;
        _logger = logger;
    }

    /// <summary>Whether old step rows remain to be moved.</summary>
    public bool Pending => _pending;

    /// <summary>Looks for the old table once the migrations are applied, and drops it at once when it is empty.</summary>
    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        if (!db.Database.IsSqlite())
        {
            return; // the history was compact from PostgreSQL's first migration
        }

        _pending = await db.Database.SqlQueryRaw<int>("SELECT count(*) AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name = 'StepRuns'")
            .SingleAsync(cancellationToken) > 0;
        if (_pending && !await db.Database.SqlQueryRaw<int>("SELECT 1 AS \"Value\" FROM \"StepRuns\" LIMIT 1").AnyAsync(cancellationToken))
        {
            await db.Database.ExecuteSqlRawAsync("DROP TABLE \"StepRuns\"", cancellationToken); // a new database, or nothing to move
            _pending = false;
        }
    }

    /// <summary>Moves every old step row, then drops the old table; returns at once when there is none.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (!_pending)
        {
            return;
        }

        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        var total = await db.Database.SqlQueryRaw<long>("SELECT count(*) AS \"Value\" FROM \"StepRuns\"").SingleAsync(cancellationToken);
        _logger.LogInformation("Converting the step history in the background: {Rows:N0} step rows", total);
        var started = Stopwatch.GetTimestamp();
        var unfinished = await db.Runs.Where(r => r.Status == RunStatus.Pending || r.Status == RunStatus.Running || r.Status == RunStatus.Waiting)
            .Select(r => r.Id).ToListAsync(cancellationToken);
        foreach (var runId in unfinished)
        {
            await EnsureRunAsync(runId, cancellationToken);
        }

        long moved = 0;
        var lastLog = started;
        int deleted;
        do
        {
            using (await _gate.EnterAsync(cancellationToken))
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                await db.Database.ExecuteSqlRawAsync(InsertBatch, cancellationToken);
                deleted = await db.Database.ExecuteSqlRawAsync(DeleteBatch, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }

            moved += deleted;
            if (Stopwatch.GetElapsedTime(lastLog) > TimeSpan.FromSeconds(5))
            {
                lastLog = Stopwatch.GetTimestamp();
                _logger.LogInformation("Converting the step history: {Moved:N0} of {Rows:N0} step rows", moved, total);
            }

            await Task.Yield();
        }
        while (deleted > 0);

        using (await _gate.EnterAsync(cancellationToken))
        {
            _pending = false; // first: a read that looks now finds nothing to move, and one already looking ignores the table going
            await db.Database.ExecuteSqlRawAsync("DROP TABLE \"StepRuns\"", cancellationToken);
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        _logger.LogInformation("Converted the step history: {Rows:N0} step rows in {Seconds:N1} s ({PerSecond:N0} rows/s)",
            moved, elapsed.TotalSeconds, moved / Math.Max(elapsed.TotalSeconds, 0.001));
    }

    /// <summary>Moves the old step rows of a run, if it has any left, before the run's steps are read or written.</summary>
    internal async Task EnsureRunAsync(Guid runId, CancellationToken cancellationToken)
    {
        if (!_pending)
        {
            return;
        }

        var upper = runId.ToString().ToUpperInvariant();
        var lower = runId.ToString();
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        if (!await HasOldRowsAsync(db, upper, lower, cancellationToken))
        {
            return;
        }

        using (await _gate.EnterAsync(cancellationToken))
        {
            if (!_pending)
            {
                return;
            }

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync(InsertRun, [upper, lower], cancellationToken);
            await db.Database.ExecuteSqlRawAsync("DELETE FROM \"StepRuns\" WHERE \"RunId\" IN ({0}, {1})", [upper, lower], cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
    }

    /// <summary>Moves the old step rows of the run of the step with this id (an old row's rowid), if any are left.</summary>
    internal async Task EnsureStepAsync(long stepId, CancellationToken cancellationToken)
    {
        if (!_pending)
        {
            return;
        }

        string? runId;
        await using (var db = await _contextFactory.CreateDbContextAsync(cancellationToken))
        {
            try
            {
                runId = await db.Database.SqlQueryRaw<string>("SELECT \"RunId\" AS \"Value\" FROM \"StepRuns\" WHERE rowid = {0}", stepId)
                    .SingleOrDefaultAsync(cancellationToken);
            }
            catch (SqliteException) when (!_pending)
            {
                return; // the old table went meanwhile
            }
        }

        if (runId is not null && Guid.TryParse(runId, out var run))
        {
            await EnsureRunAsync(run, cancellationToken);
        }
    }

    /// <summary>The highest old step id left, so that new ids go above it.</summary>
    internal long HighestOldId(FlowDbContext db)
    {
        try
        {
            return _pending ? db.Database.SqlQueryRaw<long>("SELECT coalesce(max(rowid), 0) AS \"Value\" FROM \"StepRuns\"").Single() : 0;
        }
        catch (SqliteException) when (!_pending)
        {
            return 0; // every old row has moved, and the new table holds them
        }
    }

    private async Task<bool> HasOldRowsAsync(FlowDbContext db, string upper, string lower, CancellationToken cancellationToken)
    {
        try
        {
            return await db.Database.SqlQueryRaw<int>("SELECT count(*) AS \"Value\" FROM \"StepRuns\" WHERE \"RunId\" IN ({0}, {1})", upper, lower)
                .SingleAsync(cancellationToken) > 0;
        }
        catch (SqliteException) when (!_pending)
        {
            return false; // the old table went meanwhile
        }
    }

    private static readonly string OldestBatch = $"SELECT rowid FROM \"StepRuns\" ORDER BY rowid LIMIT {BatchRows}";

    // A step of a run deleted meanwhile (its workflow was) is dropped, not moved.
    private const string RunExists = "EXISTS (SELECT 1 FROM \"Runs\" r WHERE r.\"Id\" = unhex(replace(s.\"RunId\", '-', '')))";

    /// <summary>The old rows as new ones: ids as bytes, times as ticks (a finish as the ticks after the start), statuses as numbers, a succeeded step's <c>out</c> port unsaid.</summary>
    private static readonly string Insert = $"""
        INSERT INTO "Steps" ("Id", "RunId", "NodeId", "Scope", "JobId", "Attempt", "Status", "InputJson", "OutputJson", "Port", "Error", "ScheduledAt", "StartedAt", "FinishedAt")
        SELECT s.rowid, unhex(replace(s."RunId", '-', '')), s."NodeId", s."Scope", s."JobId", s."Attempt", {StatusNumber}, s."InputJson", s."OutputJson",
            CASE WHEN s."Status" = '{nameof(StepStatus.Succeeded)}' AND s."Port" = 'out' THEN NULL ELSE s."Port" END, s."Error",
            {Ticks("ScheduledAt")}, {Ticks("StartedAt")}, {Ticks("FinishedAt")} - coalesce({Ticks("StartedAt")}, 0)
        FROM "StepRuns" s
        """;

    // After Insert: static fields are set in the order they are written.
    private static readonly string InsertBatch = $"{Insert} WHERE s.rowid IN ({OldestBatch}) AND {RunExists}";

    private static readonly string DeleteBatch = $"DELETE FROM \"StepRuns\" WHERE rowid IN ({OldestBatch})";

    private static readonly string InsertRun = $"{Insert} WHERE s.\"RunId\" IN ({{0}}, {{1}}) AND {RunExists}";

    private static string StatusNumber =>
        $"CASE s.\"Status\" {string.Concat(Enum.GetValues<StepStatus>().Select(v => $"WHEN '{v}' THEN {(int)v} "))}END";

    /// <summary>An old time's text, <c>yyyy-MM-dd HH:mm:ss.FFFFFFF</c>, as ticks: whole seconds since 0001-01-01, then the fraction's digits.</summary>
    private static string Ticks(string column) =>
        $"((unixepoch(substr(s.\"{column}\", 1, 19)) + 62135596800) * 10000000 + CAST(substr(substr(s.\"{column}\", 21) || '0000000', 1, 7) AS INTEGER))";
}
