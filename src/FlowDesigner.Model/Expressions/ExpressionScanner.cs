namespace FlowDesigner.Model.Expressions;

/// <summary>
/// Finds the <c>{{ }}</c> expressions in a text by reading their JavaScript: an expression ends at the <c>}}</c> that
/// closes it, not at the first <c>}}</c>, so braces, strings and template literals inside it are its own
/// (<c>{{ (() => { while (x) {} })() }}</c> is one expression).
/// </summary>
public static class ExpressionScanner
{
    /// <summary>The text's parts in order: literal text, and the expressions' JavaScript (trimmed).</summary>
    /// <exception cref="FormatException">A <c>{{</c> has no closing <c>}}</c>.</exception>
    public static IReadOnlyList<(bool IsExpression, string Text)> Split(string text)
    {
        var parts = new List<(bool, string)>();
        var position = 0;
        while (position < text.Length)
        {
            var open = text.IndexOf("{{", position, StringComparison.Ordinal);
            if (open < 0)
            {
                parts.Add((false, text[position..]));
                break;
            }

            var close = FindClose(text, open + 2);
            if (open > position)
            {
                parts.Add((false, text[position..open]));
            }

            parts.Add((true, text[(open + 2)..close].Trim()));
            position = close + 2;
        }

        return parts;
    }

    /// <summary>
    /// Where the <c>}}</c> closing an expression that begins at <paramref name="start"/> (just after its <c>{{</c>) is; when
    /// the JavaScript never balances, the first <c>}}</c>.
    /// </summary>
    /// <exception cref="FormatException">Nothing closes it.</exception>
    public static int FindClose(string text, int start)
    {
        var depth = 0;
        for (var i = start; i < text.Length; i++)
        {
            if (SkipNonCode(text, i) is var skipped && skipped != i)
            {
                i = skipped;
                continue;
            }

            switch (text[i])
            {
                case '{' or '(' or '[':
                    depth++;
                    break;
                case '}' when depth == 0 && At(text, i + 1) == '}':
                    return i;
                case '}' or ')' or ']':
                    depth = Math.Max(0, depth - 1);
                    break;
            }
        }

        // Unbalanced JavaScript (a missing parenthesis): the first }} closes it, and the script's own error says what is wrong.
        var first = text.IndexOf("}}", start, StringComparison.Ordinal);
        return first >= 0 ? first : throw new FormatException($"'{{{{' at position {start - 1} has no closing '}}}}'.");
    }

    /// <summary>The index of a string literal's closing quote (or the text's end), from its opening quote.</summary>
    internal static int SkipString(string text, int open)
    {
        var quote = text[open];
        for (var i = open + 1; i < text.Length; i++)
        {
            if (text[i] == '\\')
            {
                i++;
            }
            else if (text[i] == quote || text[i] == '\n')
            {
                return i;
            }
        }

        return text.Length - 1;
    }

    /// <summary>The index of a template literal's closing backtick, from its opening one; <c>${ }</c> parts are read as JavaScript.</summary>
    private static int SkipTemplate(string text, int open)
    {
        for (var i = open + 1; i < text.Length; i++)
        {
            if (text[i] == '\\')
            {
                i++;
            }
            else if (text[i] == '`')
            {
                return i;
            }
            else if (text[i] == '$' && At(text, i + 1) == '{')
            {
                i = SkipBlock(text, i + 2);
            }
        }

        return text.Length - 1;
    }

    /// <summary>The index of the <c>}</c> closing a block whose <c>{</c> came just before <paramref name="start"/>.</summary>
    private static int SkipBlock(string text, int start)
    {
        var depth = 0;
        for (var i = start; i < text.Length; i++)
        {
            if (SkipNonCode(text, i) is var skipped && skipped != i)
            {
                i = skipped;
                continue;
            }

            if (text[i] == '{')
            {
                depth++;
            }
            else if (text[i] == '}' && depth-- == 0)
            {
                return i;
            }
        }

        return text.Length - 1;
    }

    /// <summary>Where a string, template literal or comment starting at <paramref name="i"/> ends (its last character); <paramref name="i"/> itself when none starts there.</summary>
    private static int SkipNonCode(string text, int i) => text[i] switch
    {
        '\'' or '"' => SkipString(text, i),
        '`' => SkipTemplate(text, i),
        '/' when At(text, i + 1) == '/' => SkipTo(text, i, "\n") - 1,
        '/' when At(text, i + 1) == '*' => SkipTo(text, i + 2, "*/") - 1,
        _ => i,
    };

    private static int SkipTo(string text, int from, string end)
    {
        var at = text.IndexOf(end, from, StringComparison.Ordinal);
        return at < 0 ? text.Length : at + end.Length;
    }

    private static char At(string text, int index) => index < text.Length ? text[index] : '\0';
}
