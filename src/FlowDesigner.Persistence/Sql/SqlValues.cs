using Microsoft.Data.Sqlite;

namespace FlowDesigner.Persistence.Sql;

/// <summary>
/// Binds values the way the EF Core SQLite provider stores them, so rows written by hand read back through the
/// model: ids as upper-case text, enums by name, times as <c>yyyy-MM-dd HH:mm:ss.FFFFFFF</c> text.
/// </summary>
internal static class SqlValues
{
    public static SqliteCommand Command(SqliteConnection connection, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter(name, null));
        }

        return command;
    }

    public static void Set(this SqliteCommand command, string name, object? value) => command.Parameters[name].Value = value switch
    {
        null => DBNull.Value,
        Guid id => Text(id),
        Enum named => named.ToString(),
        _ => value,
    };

    public static string Text(Guid id) => string.Create(36, id, static (text, value) =>
    {
        value.TryFormat(text, out _, "D");
        for (var i = 0; i < text.Length; i++)
        {
            text[i] = char.ToUpperInvariant(text[i]);
        }
    });
}
