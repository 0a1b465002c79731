namespace FlowDesigner.Model.Expressions;

/// <summary>
/// The steps an expression reads by a literal name: <c>steps.X</c>, <c>steps['X']</c>, <c>steps["X"]</c> (also with
/// <c>?.</c>). Computed access (<c>steps[name]</c>) is not seen.
/// </summary>
public static class StepReferences
{
    public static IReadOnlyList<string> In(string expression)
    {
        var names = new List<string>();
        for (var i = 0; i < expression.Length; i++)
        {
            var c = expression[i];
            if (c is '\'' or '"' or '`')
            {
                i = ExpressionScanner.SkipString(expression, i); // text is not code (template parts aside, which are rare)
                continue;
            }

            if (!IsWordAt(expression, i, "steps"))
            {
                continue;
            }

            var after = SkipSpace(expression, i + 5);
            if (Next(expression, after, "?.") || Next(expression, after, "."))
            {
                var start = SkipSpace(expression, after + (expression[after] == '?' ? 2 : 1));
                if (start < expression.Length && expression[start] == '[')
                {
                    after = start; // steps?.["X"]
                }
                else
                {
                    var end = start;
                    while (end < expression.Length && IsIdentifierPart(expression[end]))
                    {
                        end++;
                    }

                    if (end > start)
                    {
                        names.Add(expression[start..end]);
                    }

                    i = end - 1;
                    continue;
                }
            }

            if (after < expression.Length && expression[after] == '[')
            {
                var open = SkipSpace(expression, after + 1);
                if (open < expression.Length && expression[open] is '\'' or '"')
                {
                    var close = ExpressionScanner.SkipString(expression, open);
                    if (close < expression.Length && expression[close] == expression[open] && SkipSpace(expression, close + 1) is var bracket
                        && bracket < expression.Length && expression[bracket] == ']')
                    {
                        names.Add(Unescape(expression[(open + 1)..close]));
                        i = bracket;
                        continue;
                    }
                }
            }

            i += 4;
        }

        return names;
    }

    private static bool IsWordAt(string text, int index, string word) =>
        string.CompareOrdinal(text, index, word, 0, word.Length) == 0
        && (index == 0 || (!IsIdentifierPart(text[index - 1]) && text[index - 1] != '.'))
        && (index + word.Length >= text.Length || !IsIdentifierPart(text[index + word.Length]));

    private static bool Next(string text, int index, string token) => string.CompareOrdinal(text, index, token, 0, token.Length) == 0;

    private static int SkipSpace(string text, int index)
    {
        while (index < text.Length && char.IsWhiteSpace(text[index]))
        {
            index++;
        }

        return index;
    }

    private static bool IsIdentifierPart(char c) => char.IsLetterOrDigit(c) || c is '_' or '$';

    /// <summary>A string literal's text with its escapes read (<c>\'</c>, <c>\"</c>, <c>\\</c>); names rarely need more.</summary>
    private static string Unescape(string literal)
    {
        if (!literal.Contains('\\', StringComparison.Ordinal))
        {
            return literal;
        }

        var text = new System.Text.StringBuilder(literal.Length);
        for (var i = 0; i < literal.Length; i++)
        {
            text.Append(literal[i] == '\\' && i + 1 < literal.Length ? literal[++i] : literal[i]);
        }

        return text.ToString();
    }
}
