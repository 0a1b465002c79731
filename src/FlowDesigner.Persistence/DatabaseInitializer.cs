using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace FlowDesigner.Persistence;

/// <summary>
/// Makes the storage ready before anything uses it: with SQLite a writable data folder and a database file with
/// incremental vacuum and WAL; on either database every migration applied (on PostgreSQL under EF's migration lock,
/// so nodes starting together apply them once). Refuses a database written by a newer FlowDesigner.
/// </summary>
public sealed class DatabaseInitializer(
    StorageOptions options,
    IDbContextFactory<FlowDbContext> contextFactory,
    StepHistoryConversion history,
    ILogger<DatabaseInitializer> logger)
{
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        if (!options.IsPostgreSql)
        {
            EnsureDataFolderWritable();
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        try
        {
            if (!options.IsPostgreSql)
            {
                await PrepareFileAsync(db, cancellationToken);
            }

            // A new database has no history table yet: it is not asked for its rows (a failed query, logged as an error).
            var applied = await db.GetService<IHistoryRepository>().ExistsAsync(cancellationToken)
                ? (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).ToList()
                : [];
            RefuseNewerDatabase(db, applied);
            var pending = db.Database.GetMigrations().Except(applied, StringComparer.Ordinal).ToList();
            var runs = pending.Count > 0 && applied.Count > 0
                ? await db.Database.SqlQueryRaw<long>("SELECT COUNT(*) AS \"Value\" FROM \"Runs\"").SingleAsync(cancellationToken)
                : 0;
            if (runs > 0)
            {
                logger.LogInformation("Upgrading database {Database} with {Runs:N0} runs: {Pending} migrations to apply", options.DatabaseName, runs, pending.Count);
            }

            var started = Stopwatch.GetTimestamp();
            await db.Database.MigrateAsync(cancellationToken);
            var elapsed = Stopwatch.GetElapsedTime(started);
            logger.LogInformation(
                "Database {Database} is ready ({Applied} migrations applied now in {Seconds:N1} s{Rate})",
                options.DatabaseName, pending.Count, elapsed.TotalSeconds, runs > 0 ? $", {runs / Math.Max(elapsed.TotalSeconds, 0.001):N0} runs/s" : "");
            await history.PrepareAsync(cancellationToken);
        }
        catch (SqliteException exception) when (exception.SqliteErrorCode is 26 or 11 or 14)
        {
            // 26: not a database, 11: corrupt, 14: cannot open
            throw new StartupProblemException(
                $"The database file {options.DatabasePath} cannot be used: {exception.Message}. "
                + "Restore it from a backup, or move it aside to start with an empty database.", exception);
        }
        catch (NpgsqlException exception)
        {
            throw new StartupProblemException(
                $"The database {options.DatabaseName} cannot be used: {exception.Message}. Check that the server is running and reachable, "
                + "and the setting Storage:ConnectionString (environment variable Storage__ConnectionString): host, port, database, user and password.", exception);
        }
    }

    private void EnsureDataFolderWritable()
    {
        var folder = options.DataFolderPath;
        try
        {
            Directory.CreateDirectory(folder);
            var probe = Path.Combine(folder, $".write-test-{Environment.ProcessId}");
            File.WriteAllText(probe, "ok");
            File.Delete(probe);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new StartupProblemException(
                $"The data folder {folder} is not writable ({exception.Message}). "
                + "Give this user write access to it, or choose another folder with the setting Storage:DataFolder "
                + "(environment variable Storage__DataFolder).", exception);
        }
    }

    private static async Task PrepareFileAsync(FlowDbContext db, CancellationToken cancellationToken)
    {
        // auto_vacuum only takes effect before the first table exists, so it is set while the file is empty.
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var tables = await db.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM sqlite_master").SingleAsync(cancellationToken);
            if (tables == 0)
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA auto_vacuum = INCREMENTAL;", cancellationToken);
            }

            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private void RefuseNewerDatabase(FlowDbContext db, IReadOnlyList<string> applied)
    {
        var known = db.Database.GetMigrations().ToHashSet(StringComparer.Ordinal);
        var unknown = applied.Where(m => !known.Contains(m)).ToList();
        if (unknown.Count > 0)
        {
            throw new StartupProblemException(
                $"The database {options.DatabaseName} was last used by a newer FlowDesigner: it has the migration "
                + $"'{unknown[^1]}', which this version does not know. Run the newer FlowDesigner on it, or start this one "
                + "with another database (setting Storage:DataFolder, or Storage:ConnectionString with PostgreSQL).");
        }
    }
}
