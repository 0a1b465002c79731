using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace FlowDesigner.Engine.Webhooks;

/// <summary>HMAC-SHA256 over a request body, and the constant-time comparisons every signature scheme needs.</summary>
public static class Signatures
{
    /// <summary>HMAC-SHA256 of <paramref name="prefix"/> then the body, keyed with the secret's UTF-8 bytes.</summary>
    public static byte[] Hmac(string secret, string prefix, ReadOnlySequence<byte> body)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret));
        if (prefix.Length > 0)
        {
            hmac.AppendData(Encoding.UTF8.GetBytes(prefix));
        }

        foreach (var segment in body)
        {
            hmac.AppendData(segment.Span);
        }

        return hmac.GetHashAndReset();
    }

    /// <summary>Whether the hex text (either case) is the expected digest.</summary>
    public static bool MatchesHex(string given, byte[] expected)
    {
        try
        {
            return CryptographicOperations.FixedTimeEquals(Convert.FromHexString(given.Trim()), expected);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>Whether the base64 text is the expected digest.</summary>
    public static bool MatchesBase64(string given, byte[] expected)
    {
        var bytes = new byte[(given.Length * 3 / 4) + 3];
        return Convert.TryFromBase64String(given.Trim(), bytes, out var written)
            && CryptographicOperations.FixedTimeEquals(bytes.AsSpan(0, written), expected);
    }

    /// <summary>Whether two texts are equal, in a time that does not tell how much of them matched.</summary>
    public static bool SameText(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected));

    /// <summary>Why a signed timestamp is refused: too far from now either way. Null when it is within the tolerance.</summary>
    public static string? Stale(string header, long unixSeconds, DateTimeOffset now, TimeSpan tolerance)
    {
        var age = now - DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(unixSeconds, -62135596800L, 253402300799L));
        return age.Duration() <= tolerance
            ? null
            : $"The {header} timestamp is {age.Duration().TotalSeconds:0} s {(age > TimeSpan.Zero ? "old" : "in the future")}; a signed request is taken only within {tolerance.TotalMinutes:0} minutes of it, so that a recorded request cannot be replayed.";
    }
}
