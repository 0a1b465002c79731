using System.Data.Common;

namespace FlowDesigner.Testing;

/// <summary>Commands of either database, written the same way in tests.</summary>
public static class DbCommandExtensions
{
    public static DbCommand Command(this DbConnection connection, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }

    /// <summary>Adds the parameter <c>@name</c>.</summary>
    public static DbCommand With(this DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
        return command;
    }
}
