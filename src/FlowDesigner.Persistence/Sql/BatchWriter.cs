using System.Collections.Concurrent;
using FlowDesigner.Persistence.Stores;
using Microsoft.Data.Sqlite;

namespace FlowDesigner.Persistence.Sql;

/// <summary>
/// Writes the run hot path (starts and advances) on one connection from one thread, committing whatever callers
/// queued meanwhile in one transaction (group commit): each caller's writes sit in a savepoint of their own, so one
/// that fails or conflicts is undone alone, and every caller is answered only after the commit. A batch holding an
/// accepted event commits with <c>synchronous=FULL</c>, so the event survives a power loss.
/// </summary>
internal sealed class BatchWriter(StorageOptions options, WriteGate gate) : IDisposable
{
    private const int MostPerBatch = 256;
    private readonly BlockingCollection<Job> _jobs = [];
    private readonly Lock _starting = new();
    private Thread? _thread;
    private SqliteConnection? _connection;
    private readonly Dictionary<string, PreparedStatement> _statementsBySql = [];
    private RunStatements? _statements;

    /// <param name="durable">The batch waits for the disk (an accepted event).</param>
    public async Task<T> WriteAsync<T>(Func<RunStatements, T> write, bool durable)
    {
        var job = new Job(statements => write(statements), durable);
        Start();
        _jobs.Add(job);
        return (T)(await job.Done.Task)!;
    }

    public void Dispose()
    {
        _jobs.CompleteAdding();
        _thread?.Join(TimeSpan.FromSeconds(10));
        Close();
    }

    private void Start()
    {
        if (_thread is not null)
        {
            return;
        }

        lock (_starting)
        {
            _thread ??= StartThread();
        }
    }

    private Thread StartThread()
    {
        var thread = new Thread(Loop) { IsBackground = true, Name = "FlowDesigner run writer" };
        thread.Start();
        return thread;
    }

    private void Loop()
    {
        var batch = new List<Job>(MostPerBatch);
        foreach (var first in _jobs.GetConsumingEnumerable())
        {
            batch.Add(first);
            while (batch.Count < MostPerBatch && _jobs.TryTake(out var more))
            {
                batch.Add(more);
            }

            Write(batch);
            batch.Clear();
        }
    }

    private void Write(List<Job> batch)
    {
        var durable = batch.Exists(j => j.Durable);
        using var writing = gate.Enter();
        try
        {
            var statements = Open();
            if (durable)
            {
                Execute("PRAGMA synchronous = FULL");
            }

            Execute("BEGIN IMMEDIATE");
            foreach (var job in batch)
            {
                Execute("SAVEPOINT job");
                try
                {
                    job.Result = job.Write(statements);
                    Execute("RELEASE job");
                    statements.Tally.Keep();
                }
                catch (Exception exception)
                {
                    Execute("ROLLBACK TO job");
                    Execute("RELEASE job");
                    statements.Tally.Discard();
                    job.Error = exception;
                }
            }

            statements.WriteTally();
            Execute("COMMIT");
            if (durable)
            {
                Execute("PRAGMA synchronous = NORMAL");
            }
        }
        catch (Exception exception)
        {
            // Nothing of the batch is written (the disk is full, another process held the lock too long): every
            // caller hears why, and the connection is opened afresh for the next batch.
            _statements?.Tally.Clear();
            Close();
            foreach (var job in batch)
            {
                job.Error ??= exception;
            }
        }

        foreach (var job in batch)
        {
            if (job.Error is { } error)
            {
                job.Done.TrySetException(error);
            }
            else
            {
                job.Done.TrySetResult(job.Result);
            }
        }
    }

    private RunStatements Open()
    {
        if (_statements is not null)
        {
            return _statements;
        }

        _connection = new SqliteConnection(options.SqliteConnectionString);
        _connection.Open();
        using (var setup = _connection.CreateCommand())
        {
            setup.CommandText = SqliteConnectionSetup.Pragmas;
            setup.ExecuteNonQuery();
        }

        return _statements = new RunStatements(_connection);
    }

    private void Execute(string sql)
    {
        if (!_statementsBySql.TryGetValue(sql, out var statement))
        {
            statement = new PreparedStatement(_connection!, sql);
            _statementsBySql[sql] = statement;
        }

        statement.Execute();
    }

    private void Close()
    {
        foreach (var statement in _statementsBySql.Values)
        {
            statement.Dispose();
        }

        _statementsBySql.Clear();
        _statements?.Dispose();
        _connection?.Dispose();
        (_statements, _connection) = (null, null);
    }

    private sealed class Job(Func<RunStatements, object?> write, bool durable)
    {
        public Func<RunStatements, object?> Write { get; } = write;

        public bool Durable { get; } = durable;

        public TaskCompletionSource<object?> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public object? Result { get; set; }

        public Exception? Error { get; set; }
    }
}
