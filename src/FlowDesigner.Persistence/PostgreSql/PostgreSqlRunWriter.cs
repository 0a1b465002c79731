using FlowDesigner.Model.Events;
using FlowDesigner.Model.Runs;
using FlowDesigner.Persistence.Sql;
using Npgsql;

namespace FlowDesigner.Persistence.PostgreSql;

/// <summary>
/// PostgreSQL's run writer: each write is one transaction of its own on a pooled connection, its statements sent
/// together in one batch (an advance's in two: its writes, then its count and commit). There is no write gate: rows
/// are locked, not the database, and the server commits concurrent transactions together. An advance's conditional
/// updates are checked once its writes have run, and it is rolled back when one found nothing, as SQLite's writer
/// undoes its savepoint. As on SQLite, an accepted event's
/// commit waits for the disk and an advance's does not (a crash of the server may lose its last advances, whose steps
/// then run again; steps are at-least-once): an advance that waited would hold its workflow's rollup row through the
/// wait, and advances ending runs of one workflow would queue behind each other's flush.
/// </summary>
internal sealed class PostgreSqlRunWriter(NpgsqlDataSource dataSource) : IRunWriter
{
    public async Task<long> StartAsync(RunStartRows start, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection); // its statements run in one implicit transaction
        if (!start.EventStored)
        {
            batch.BatchCommands.Add(PostgreSqlRunStatements.InsertEvent(start.EventId, start.CorrelationId, start.Run, start.Now));
        }

        batch.BatchCommands.Add(PostgreSqlRunStatements.InsertRun(start.RunId, start.EventId, start.CorrelationId, start.Run, start.Now));
        batch.BatchCommands.Add(PostgreSqlRunStatements.InsertStep(start.Trigger));
        batch.BatchCommands.Add(PostgreSqlRunStatements.AppendChanges(start.RunId));
        var ids = await ReadIdsAsync(batch, 1, cancellationToken);
        return ids[0];
    }

    public async Task<long[]> AdvanceAsync(Guid runId, RunChanges changes, DateTime now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands = { new NpgsqlBatchCommand("BEGIN"), PostgreSqlRunStatements.CommitWithoutWaitingForTheDisk() },
        };
        var began = changes.Began ?? now;
        var opening = changes.End is { } end
            ? PostgreSqlRunStatements.EndRun(runId, end, began, now, changes.Holder)
            : PostgreSqlRunStatements.OpenRun(runId, began, changes.Holder, changes.LetGo);
        batch.BatchCommands.Add(opening);
        var mustChange = new List<NpgsqlBatchCommand>();
        if (changes.Completed is { } done)
        {
            mustChange.Add(PostgreSqlRunStatements.CompleteStep(done, now)); // no longer running: the run was cancelled meanwhile
        }

        mustChange.AddRange(changes.FinishedLoops.Select(PostgreSqlRunStatements.FinishLoop)); // another worker finished the loop first
        foreach (var command in mustChange.Concat(changes.NewSteps.Select(PostgreSqlRunStatements.InsertStep)))
        {
            batch.BatchCommands.Add(command);
        }

        // The run's end is counted in the round trip that commits: its workflow's rollup row, which every advance
        // ending a run of the workflow writes, is held for the commit alone, not while this node reads the batch's answer.
        await using var commit = new NpgsqlBatch(connection);
        if (changes.End is { } ended)
        {
            if (ended.Status != RunStatus.Succeeded)
            {
                batch.BatchCommands.Add(PostgreSqlRunStatements.CancelUnfinished(runId, "The run ended before this step ran.", now));
            }

            batch.BatchCommands.Add(PostgreSqlRunStatements.AppendChanges(runId));
            commit.BatchCommands.Add(PostgreSqlRunStatements.CountEnd(runId, ended.Status, now));
        }

        commit.BatchCommands.Add(new NpgsqlBatchCommand("COMMIT"));
        try
        {
            var ids = await ReadIdsAsync(batch, changes.NewSteps.Count, cancellationToken);
            if (opening.RecordsAffected == 0)
            {
                await RollBackAsync(connection);
                throw await HeldElsewhereAsync(connection, runId, changes.Holder, cancellationToken)
                    ? new RunHeldElsewhereException(runId)
                    : new WriteConflictException(); // or it has ended
            }

            if (mustChange.Exists(command => command.RecordsAffected == 0))
            {
                throw new WriteConflictException();
            }

            await commit.ExecuteNonQueryAsync(cancellationToken);
            return ids;
        }
        catch
        {
            await RollBackAsync(connection); // nothing of the advance is kept; the connection goes back to the pool clean
            throw;
        }
    }

    /// <summary>Ends the connection's transaction, if one is open, keeping nothing of it.</summary>
    private static async Task RollBackAsync(NpgsqlConnection connection)
    {
        if (connection.State != System.Data.ConnectionState.Open)
        {
            return;
        }

        try
        {
            await using var rollback = new NpgsqlBatch(connection) { BatchCommands = { new NpgsqlBatchCommand("ROLLBACK") } };
            await rollback.ExecuteNonQueryAsync(CancellationToken.None); // a warning, not an error, when none is open
        }
        catch (NpgsqlException)
        {
            // the connection broke: the server ended the transaction with it
        }
    }

    public async Task RecordEventAsync(Guid eventId, NewEvent newEvent, DateTime now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection) { BatchCommands = { PostgreSqlRunStatements.InsertEvent(eventId, newEvent, now) } };
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Runs the batch, reading the ids its step inserts return, in their order.</summary>
    private static async Task<long[]> ReadIdsAsync(NpgsqlBatch batch, int count, CancellationToken cancellationToken)
    {
        var ids = new long[count];
        var read = 0;
        await using (var reader = await batch.ExecuteReaderAsync(cancellationToken))
        {
            do
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    ids[read++] = reader.GetInt64(0);
                }
            }
            while (await reader.NextResultAsync(cancellationToken));
        }

        return read == count ? ids : throw new InvalidOperationException($"The batch returned {read} step ids, not {count}.");
    }

    private static async Task<bool> HeldElsewhereAsync(NpgsqlConnection connection, Guid runId, Guid? holder, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection) { BatchCommands = { PostgreSqlRunStatements.HeldElsewhere(runId, holder) } };
        return await batch.ExecuteScalarAsync(cancellationToken) is not null;
    }
}
