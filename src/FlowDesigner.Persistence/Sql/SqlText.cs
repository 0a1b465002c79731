namespace FlowDesigner.Persistence.Sql;

/// <summary>
/// Run history enums in SQL text as the history stores them, by number, written from the enum itself so that SQL
/// cannot drift from it.
/// </summary>
internal static class SqlText
{
    public static string Of<TEnum>(params TEnum[] values) where TEnum : struct, Enum =>
        string.Join(", ", values.Select(v => Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture)));
}
