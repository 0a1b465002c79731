using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace FlowDesigner.Persistence;

/// <summary>
/// Every connection commits with <c>synchronous=NORMAL</c>: in WAL mode that survives a process crash, and after
/// a power loss at worst the last step results are lost, so those steps run again (steps are at-least-once).
/// An accepted event is the exception: <see cref="Stores.RunStore"/> commits it with <c>FULL</c>. Temporary data
/// (the journal of a savepoint, a sort) stays in memory instead of a file created and written for each statement.
/// </summary>
internal sealed class SqliteConnectionSetup : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    /// <summary>What every connection to the database is set to when it opens.</summary>
    public const string Pragmas = "PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 10000; PRAGMA temp_store = MEMORY;";

    private static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }
}
