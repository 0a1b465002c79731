using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace FlowDesigner.Persistence.Stores;

/// <summary>Whether a write failed on a unique index, in each database's words (itself or inside EF's update exception).</summary>
internal static class UniqueViolation
{
    private const int SqliteConstraint = 19; // SQLITE_CONSTRAINT; its extended codes for unique and key violations share it

    public static bool Is(Exception exception) => exception switch
    {
        DbUpdateException { InnerException: { } inner } => Is(inner),
        SqliteException sqlite => sqlite.SqliteErrorCode == SqliteConstraint,
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };
}
