using System.Collections.Concurrent;

namespace FlowDesigner.Persistence.Sql;

/// <summary>Enums as the model stores them: by name, each name made once per value.</summary>
internal static class SqlText
{
    public static string Name<TEnum>(TEnum value) where TEnum : struct, Enum => Names<TEnum>.Of.GetOrAdd(value, static v => v.ToString());

    private static class Names<TEnum> where TEnum : struct, Enum
    {
        public static readonly ConcurrentDictionary<TEnum, string> Of = new();
    }
}
