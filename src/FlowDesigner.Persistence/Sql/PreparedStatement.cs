using System.Runtime.CompilerServices;
using System.Text;
using FlowDesigner.Persistence.Columns;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace FlowDesigner.Persistence.Sql;

/// <summary>
/// One statement of the batch writer, compiled once and run many times straight on SQLite: parameters are bound
/// by position, with no lookup by name, no boxing and no text made on the way. Values are stored as the model
/// stores them, so it reads them back: ids as their 16 bytes, times as ticks, enums by number.
/// </summary>
internal sealed class PreparedStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;
    private byte[] _buffer = new byte[1024];

    /// <param name="parameters">The statement's parameters in the order they first appear, which are their positions from 1.</param>
    public PreparedStatement(SqliteConnection connection, string sql, params string[] parameters)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        Check(raw.sqlite3_prepare_v2(_db, sql, out _statement));
        var names = Enumerable.Range(1, raw.sqlite3_bind_parameter_count(_statement))
            .Select(position => raw.sqlite3_bind_parameter_name(_statement, position).utf8_to_string())
            .ToArray();
        if (!names.SequenceEqual(parameters))
        {
            _statement.Dispose();
            throw new ArgumentException($"The statement's parameters are {string.Join(", ", names)}, not {string.Join(", ", parameters)}.", nameof(parameters));
        }
    }

    public void Bind(int position, Guid value)
    {
        Span<byte> bytes = stackalloc byte[IdBytes.Length];
        IdBytes.Write(value, bytes);
        Check(raw.sqlite3_bind_blob(_statement, position, bytes));
    }

    public void Bind(int position, Guid? value)
    {
        if (value is { } id)
        {
            Bind(position, id);
        }
        else
        {
            BindNull(position);
        }
    }

    /// <summary>A time of the run history, as its ticks (see <see cref="TimeToTicksConverter"/>).</summary>
    public void Bind(int position, DateTime value) => Bind(position, value.Ticks);

    public void Bind(int position, DateTime? value)
    {
        if (value is { } time)
        {
            Bind(position, time);
        }
        else
        {
            BindNull(position);
        }
    }

    public void Bind(int position, long value) => Check(raw.sqlite3_bind_int64(_statement, position, value));

    public void Bind(int position, long? value)
    {
        if (value is { } number)
        {
            Bind(position, number);
        }
        else
        {
            BindNull(position);
        }
    }

    public void Bind(int position, string? value)
    {
        if (value is null)
        {
            BindNull(position);
            return;
        }

        if (value.Length == 0)
        {
            // An empty span would bind NULL; the string overload binds an empty text.
            Check(raw.sqlite3_bind_text(_statement, position, string.Empty));
            return;
        }

        var most = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (_buffer.Length < most)
        {
            _buffer = new byte[Math.Max(most, _buffer.Length * 2)];
        }

        var length = Encoding.UTF8.GetBytes(value, _buffer);
        Check(raw.sqlite3_bind_text(_statement, position, _buffer.AsSpan(0, length)));
    }

    /// <summary>A run history enum by its number, as the model stores it.</summary>
    public void Bind<TEnum>(int position, TEnum value) where TEnum : struct, Enum => Bind(position, (long)Unsafe.As<TEnum, int>(ref value));

    public void Bind(int position, byte[] value) => Check(raw.sqlite3_bind_blob(_statement, position, value));

    public void BindNull(int position) => Check(raw.sqlite3_bind_null(_statement, position));

    /// <summary>Runs the statement to its end and readies it for the next binds; the number of rows it changed.</summary>
    public int Execute()
    {
        try
        {
            var result = raw.sqlite3_step(_statement);
            if (result is not (raw.SQLITE_DONE or raw.SQLITE_ROW))
            {
                SqliteException.ThrowExceptionForRC(result, _db);
            }

            return raw.sqlite3_changes(_db);
        }
        finally
        {
            raw.sqlite3_reset(_statement);
        }
    }

    /// <summary>
    /// Runs a statement that returns one blob (an id), as an <c>UPDATE ... RETURNING</c> does for the row it changed, and
    /// readies it for the next binds; null when it changed no row.
    /// </summary>
    public Guid? ReturnedId()
    {
        try
        {
            var result = raw.sqlite3_step(_statement);
            if (result is not (raw.SQLITE_DONE or raw.SQLITE_ROW))
            {
                SqliteException.ThrowExceptionForRC(result, _db);
            }

            return result == raw.SQLITE_ROW ? new Guid(raw.sqlite3_column_blob(_statement, 0), bigEndian: true) : null;
        }
        finally
        {
            raw.sqlite3_reset(_statement);
        }
    }

    /// <summary>Runs a query and readies it for the next binds; whether it found a row.</summary>
    public bool HasRow()
    {
        try
        {
            var result = raw.sqlite3_step(_statement);
            if (result is not (raw.SQLITE_DONE or raw.SQLITE_ROW))
            {
                SqliteException.ThrowExceptionForRC(result, _db);
            }

            return result == raw.SQLITE_ROW;
        }
        finally
        {
            raw.sqlite3_reset(_statement);
        }
    }

    public void Dispose() => _statement.Dispose();

    private void Check(int result)
    {
        if (result != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(result, _db);
        }
    }
}
