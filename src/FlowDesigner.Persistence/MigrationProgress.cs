using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;

namespace FlowDesigner.Persistence;

/// <summary>
/// Writes a migration's progress to the log: a statement that begins with <see cref="Marker"/> and a table's name
/// (a migration copying that table's rows) is logged when it starts and when it ends, with the rows it copied and
/// how fast. Every other command passes untouched.
/// </summary>
public sealed class MigrationProgress(ILogger<MigrationProgress> logger) : DbCommandInterceptor
{
    public const string Marker = "-- copying ";

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Starting(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Starting(command);
        return ValueTask.FromResult(result);
    }

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Ended(command, eventData.Duration, result);
        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Ended(command, eventData.Duration, result);
        return ValueTask.FromResult(result);
    }

    private void Starting(DbCommand command)
    {
        if (TableOf(command) is { } table)
        {
            logger.LogInformation("Converting table {Table} ...", table);
        }
    }

    private void Ended(DbCommand command, TimeSpan duration, int rows)
    {
        if (TableOf(command) is { } table)
        {
            var perSecond = duration > TimeSpan.Zero ? rows / duration.TotalSeconds : 0;
            logger.LogInformation("Converted table {Table}: {Rows:N0} rows in {Seconds:N1} s ({PerSecond:N0} rows/s)", table, rows, duration.TotalSeconds, perSecond);
        }
    }

    private static string? TableOf(DbCommand command)
    {
        var text = command.CommandText;
        if (!text.StartsWith(Marker, StringComparison.Ordinal))
        {
            return null;
        }

        var end = text.IndexOf('\n', Marker.Length);
        Debug.Assert(end > 0, "A progress comment ends its line.");
        return text[Marker.Length..end];
    }
}
