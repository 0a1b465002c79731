using FlowDesigner.Persistence.Columns;
using Npgsql;
using NpgsqlTypes;

namespace FlowDesigner.Persistence.PostgreSql;

/// <summary>
/// One statement of PostgreSQL's run writer, its values bound by position (<c>$1</c>, <c>$2</c> ...) as the model
/// stores them: ids as their 16 bytes, times as ticks, enums by number. Npgsql prepares a statement once it is
/// used often (the data source's auto-prepare), so each is parsed and planned once per connection.
/// </summary>
internal sealed class PostgreSqlCommands(string sql)
{
    private readonly List<NpgsqlParameter> _parameters = [];

    public static PostgreSqlCommands Of(string sql) => new(sql);

    public PostgreSqlCommands Id(Guid value) => Add(new NpgsqlParameter<byte[]>
    {
        NpgsqlDbType = NpgsqlDbType.Bytea,
        TypedValue = IdBytes.Of(value),
    });

    public PostgreSqlCommands Id(Guid? value) => value is { } id ? Id(id) : Null(NpgsqlDbType.Bytea);

    public PostgreSqlCommands Bytes(byte[] value) => Add(new NpgsqlParameter<byte[]> { NpgsqlDbType = NpgsqlDbType.Bytea, TypedValue = value });

    public PostgreSqlCommands Time(DateTime value) => Number(value.Ticks);

    public PostgreSqlCommands Time(DateTime? value) => Number(value?.Ticks);

    public PostgreSqlCommands Number(long value) => Add(new NpgsqlParameter<long> { NpgsqlDbType = NpgsqlDbType.Bigint, TypedValue = value });

    public PostgreSqlCommands Number(long? value) => value is { } number ? Number(number) : Null(NpgsqlDbType.Bigint);

    public PostgreSqlCommands Enum<TEnum>(TEnum value) where TEnum : struct, System.Enum =>
        Add(new NpgsqlParameter<int> { NpgsqlDbType = NpgsqlDbType.Integer, TypedValue = Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture) });

    public PostgreSqlCommands Text(string? value) => value is null
        ? Null(NpgsqlDbType.Text)
        : Add(new NpgsqlParameter<string> { NpgsqlDbType = NpgsqlDbType.Text, TypedValue = value });

    public NpgsqlBatchCommand Command()
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddRange(_parameters.ToArray());
        return command;
    }

    private PostgreSqlCommands Null(NpgsqlDbType type) => Add(new NpgsqlParameter { NpgsqlDbType = type, Value = DBNull.Value });

    private PostgreSqlCommands Add(NpgsqlParameter parameter)
    {
        _parameters.Add(parameter);
        return this;
    }
}
