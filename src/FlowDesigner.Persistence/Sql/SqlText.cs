using System.Collections.Concurrent;

namespace FlowDesigner.Persistence.Sql;

/// <summary>
/// Values as the EF Core SQLite provider stores them, so rows written by hand read back through the model: ids
/// as upper-case text, enums by name, times as <c>yyyy-MM-dd HH:mm:ss.FFFFFFF</c> text (no trailing zeros in the
/// fraction, and no point when it is zero). Written as UTF-8 into the caller's buffer.
/// </summary>
internal static class SqlText
{
    public const int IdLength = 36;

    public const int TimeMaxLength = 27;

    public static void Id(Guid id, Span<byte> text)
    {
        id.TryFormat(text, out _, "D");
        for (var i = 0; i < IdLength; i++)
        {
            if (text[i] >= (byte)'a')
            {
                text[i] -= 'a' - 'A';
            }
        }
    }

    /// <returns>How many bytes were written.</returns>
    public static int Time(DateTime time, Span<byte> text)
    {
        Digits(text[..4], time.Year);
        text[4] = (byte)'-';
        Digits(text.Slice(5, 2), time.Month);
        text[7] = (byte)'-';
        Digits(text.Slice(8, 2), time.Day);
        text[10] = (byte)' ';
        Digits(text.Slice(11, 2), time.Hour);
        text[13] = (byte)':';
        Digits(text.Slice(14, 2), time.Minute);
        text[16] = (byte)':';
        Digits(text.Slice(17, 2), time.Second);
        var fraction = (int)(time.Ticks % TimeSpan.TicksPerSecond);
        if (fraction == 0)
        {
            return 19;
        }

        var digits = 7;
        while (fraction % 10 == 0)
        {
            fraction /= 10;
            digits--;
        }

        text[19] = (byte)'.';
        Digits(text.Slice(20, digits), fraction);
        return 20 + digits;
    }

    /// <summary>An enum's name, made once per value.</summary>
    public static string Name<TEnum>(TEnum value) where TEnum : struct, Enum => Names<TEnum>.Of.GetOrAdd(value, static v => v.ToString());

    private static void Digits(Span<byte> text, int value)
    {
        for (var i = text.Length - 1; i >= 0; i--)
        {
            text[i] = (byte)('0' + (value % 10));
            value /= 10;
        }
    }

    private static class Names<TEnum> where TEnum : struct, Enum
    {
        public static readonly ConcurrentDictionary<TEnum, string> Of = new();
    }
}
