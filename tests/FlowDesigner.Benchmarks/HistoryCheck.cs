using Microsoft.Data.Sqlite;

namespace FlowDesigner.Benchmarks;

/// <summary>Reads the product's database after a phase: did every run end well with its whole step history, and at what size.</summary>
public sealed record HistoryCheck(int Runs, int Succeeded, int NotEnded, long Steps, int RunsMissingSteps, long DatabaseBytes)
{
    public bool Complete => Runs > 0 && Succeeded == Runs && RunsMissingSteps == 0;

    // Run statuses as the product stores them by number, and by name as checkouts before the compact history did
    // (--against may start one).
    private const string SucceededStatus = "3, 'Succeeded'";
    private const string EndedStatuses = "3, 4, 5, 'Succeeded', 'Failed', 'Cancelled'";

    public double BytesPerRun => Runs == 0 ? 0 : (double)DatabaseBytes / Runs;

    public double BytesPerStep => Steps == 0 ? 0 : (double)DatabaseBytes / Steps;

    public static async Task<int> CountUnfinishedAsync(string databasePath)
    {
        await using var connection = Open(databasePath);
        return (int)(long)(await Scalar(connection, $"SELECT COUNT(*) FROM Runs WHERE Status NOT IN ({EndedStatuses})"))!;
    }

    /// <summary>
    /// The minutes of a workflow where the run rollups differ from a count of the ended runs (each way, in the minute
    /// of their finish), in either direction: none, when the rollups are right.
    /// </summary>
    public static async Task<int> CountRollupMismatchesAsync(string databasePath)
    {
        await using var connection = Open(databasePath);
        const string counted = """
            SELECT WorkflowId, coalesce(FinishedAt, CreatedAt) / 600000000 AS Minute, sum(Status = 3), sum(Status = 4), sum(Status = 5)
            FROM Runs WHERE Status IN (3, 4, 5) GROUP BY 1, 2
            """;
        const string kept = "SELECT WorkflowId, Minute, Succeeded, Failed, Cancelled FROM RunRollups WHERE Succeeded + Failed + Cancelled > 0";
        return (int)(long)(await Scalar(connection, $"SELECT (SELECT COUNT(*) FROM ({counted} EXCEPT {kept})) + (SELECT COUNT(*) FROM ({kept} EXCEPT {counted}))"))!;
    }

    public static async Task<HistoryCheck> ReadAsync(string databasePath, int expectedStepsPerRun)
    {
        await using var connection = Open(databasePath);
        await Scalar(connection, "PRAGMA wal_checkpoint(TRUNCATE)");
        var runs = (int)(long)(await Scalar(connection, "SELECT COUNT(*) FROM Runs"))!;
        var succeeded = (int)(long)(await Scalar(connection, $"SELECT COUNT(*) FROM Runs WHERE Status IN ({SucceededStatus})"))!;
        var notEnded = (int)(long)(await Scalar(connection, $"SELECT COUNT(*) FROM Runs WHERE Status NOT IN ({EndedStatuses})"))!;
        var steps = (long)(await Scalar(connection, "SELECT COUNT(*) FROM Steps"))!;
        var missing = (int)(long)(await Scalar(connection,
            $"SELECT COUNT(*) FROM (SELECT r.Id FROM Runs r LEFT JOIN Steps s ON s.RunId = r.Id GROUP BY r.Id HAVING COUNT(s.Id) < {expectedStepsPerRun})"))!;
        var pages = (long)(await Scalar(connection, "PRAGMA page_count"))!;
        var free = (long)(await Scalar(connection, "PRAGMA freelist_count"))!;
        var pageSize = (long)(await Scalar(connection, "PRAGMA page_size"))!;
        return new HistoryCheck(runs, succeeded, notEnded, steps, missing, (pages - free) * pageSize);
    }

    private static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        return connection;
    }

    private static async Task<object?> Scalar(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
