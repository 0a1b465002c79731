namespace FlowDesigner.Engine.Credentials;

/// <summary>Replaces a credential's secret values wherever they would be written: step rows, error messages, logs.</summary>
public static class SecretRedactor
{
    public const string Mask = "[redacted]";

    /// <summary>Secrets shorter than this are not searched for: they would mask ordinary text and protect nothing.</summary>
    private const int MinimumLength = 4;

    public static string Redact(string text, IReadOnlyList<string> secrets)
    {
        foreach (var secret in secrets)
        {
            if (secret.Length >= MinimumLength)
            {
                text = text.Replace(secret, Mask, StringComparison.Ordinal);
                var escaped = System.Text.Json.JsonEncodedText.Encode(secret).ToString();
                if (escaped != secret)
                {
                    text = text.Replace(escaped, Mask, StringComparison.Ordinal);
                }

                var encoded = Uri.EscapeDataString(secret);
                if (encoded != secret)
                {
                    text = text.Replace(encoded, Mask, StringComparison.Ordinal);
                }
            }
        }

        return text;
    }

    public static bool Contains(string text, IReadOnlyList<string> secrets) => Redact(text, secrets) != text;
}
