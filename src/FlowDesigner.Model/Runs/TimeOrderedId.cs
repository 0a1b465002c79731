using System.Security.Cryptography;

namespace FlowDesigner.Model.Runs;

/// <summary>
/// Time-ordered ids (UUID version 7, RFC 9562) for what a run writes: their text sorts by creation time, so new
/// rows land at the end of their indexes. The random part comes from the system's secure generator, drawn a few
/// kilobytes at a time on each thread instead of with a system call for every id (a run makes about twenty).
/// </summary>
public static class TimeOrderedId
{
    private const int RandomBytes = 10;
    private const int Drawn = 4096;

    [ThreadStatic]
    private static byte[]? _random;

    [ThreadStatic]
    private static int _used;

    public static Guid New() => New(DateTimeOffset.UtcNow);

    /// <summary>The lowest id made in the millisecond of <paramref name="at"/>: every id made then or later sorts at or above it.</summary>
    public static Guid Floor(DateTimeOffset at)
    {
        Span<byte> bytes = stackalloc byte[16];
        var milliseconds = (ulong)Math.Max(0, at.ToUnixTimeMilliseconds());
        for (var i = 0; i < 6; i++)
        {
            bytes[i] = (byte)(milliseconds >> (8 * (5 - i)));
        }

        bytes[6] = 0x70;
        bytes[8] = 0x80;
        return new Guid(bytes, bigEndian: true);
    }

    public static Guid New(DateTimeOffset at)
    {
        if (_random is null || _used + RandomBytes > Drawn)
        {
            _random ??= new byte[Drawn];
            RandomNumberGenerator.Fill(_random);
            _used = 0;
        }

        Span<byte> bytes = stackalloc byte[16];
        var milliseconds = (ulong)at.ToUnixTimeMilliseconds();
        for (var i = 0; i < 6; i++)
        {
            bytes[i] = (byte)(milliseconds >> (8 * (5 - i)));
        }

        _random.AsSpan(_used, RandomBytes).CopyTo(bytes[6..]);
        _used += RandomBytes;
        bytes[6] = (byte)(0x70 | (bytes[6] & 0x0F)); // version 7
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F)); // RFC 9562 variant
        return new Guid(bytes, bigEndian: true);
    }
}
