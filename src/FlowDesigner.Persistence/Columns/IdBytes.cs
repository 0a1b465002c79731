namespace FlowDesigner.Persistence.Columns;

/// <summary>
/// Ids as they are stored: 16 bytes in RFC 9562 order (most significant byte first, as the id's text reads), so
/// time-ordered ids sort by the time they were made, as bytes compare. .NET's <see cref="Guid.ToByteArray()"/>
/// order puts the first three groups little-endian, which would not.
/// </summary>
internal static class IdBytes
{
    public const int Length = 16;

    public static byte[] Of(Guid id) => id.ToByteArray(bigEndian: true);

    public static Guid ToId(byte[] bytes) => new(bytes, bigEndian: true);

    public static void Write(Guid id, Span<byte> bytes) => id.TryWriteBytes(bytes, bigEndian: true, out _);
}
