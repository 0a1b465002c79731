using FlowDesigner.Testing;
using Microsoft.Data.Sqlite;

namespace FlowDesigner.Persistence.Tests;

/// <summary>SQLite is set up for this process before its first connection: without memory statistics, whose lock every allocation took.</summary>
public sealed class SqliteLibraryTests
{
    [Fact]
    public async Task MemoryStatistics_AreOff_WhileConnectionsWork()
    {
        await using var services = await TestServices.StartAsync();
        await using var connection = new SqliteConnection($"Data Source={services.Storage.DatabasePath}");
        await connection.OpenAsync();
        await using var query = connection.CreateCommand();
        query.CommandText = "SELECT count(*) FROM \"Runs\"";

        Assert.Equal(0L, await query.ExecuteScalarAsync());
        Assert.Equal(0L, SQLitePCL.raw.sqlite3_memory_used());
    }
}
