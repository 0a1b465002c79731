using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Logging;

namespace FlowDesigner.Persistence;

/// <summary>
/// Makes the storage ready before anything uses it: a writable data folder, a database file with incremental
/// vacuum and WAL, and every migration applied. Refuses a database written by a newer FlowDesigner.
/// </summary>
public sealed class DatabaseInitializer(
    StorageOptions options,
    IDbContextFactory<FlowDbContext> contextFactory,
    ILogger<DatabaseInitializer> logger)
{
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        EnsureDataFolderWritable();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        try
        {
            await PrepareFileAsync(db, cancellationToken);
            await RefuseNewerDatabaseAsync(db, cancellationToken);
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            await db.Database.MigrateAsync(cancellationToken);
            logger.LogInformation("Database {DatabasePath} is ready ({Applied} migrations applied now)", options.DatabasePath, pending.Count);
        }
        catch (SqliteException exception) when (exception.SqliteErrorCode is 26 or 11 or 14)
        {
            // 26: not a database, 11: corrupt, 14: cannot open
            throw new StartupProblemException(
                $"The database file {options.DatabasePath} cannot be used: {exception.Message}. "
                + "Restore it from a backup, or move it aside to start with an empty database.", exception);
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

    private async Task RefuseNewerDatabaseAsync(FlowDbContext db, CancellationToken cancellationToken)
    {
        var known = db.Database.GetMigrations().ToHashSet(StringComparer.Ordinal);
        var applied = await db.Database.GetAppliedMigrationsAsync(cancellationToken);
        var unknown = applied.Where(m => !known.Contains(m)).ToList();
        if (unknown.Count > 0)
        {
            throw new StartupProblemException(
                $"The database {options.DatabasePath} was last used by a newer FlowDesigner: it has the migration "
                + $"'{unknown[^1]}', which this version does not know. Run the newer FlowDesigner on it, or start this one "
                + "with another data folder (setting Storage:DataFolder).");
        }
    }
}
