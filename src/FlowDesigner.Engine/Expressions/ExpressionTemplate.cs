namespace FlowDesigner.Engine.Expressions;

/// <summary>A text split into literal parts and <c>{{ expression }}</c> parts.</summary>
public sealed class ExpressionTemplate
{
    private ExpressionTemplate(IReadOnlyList<(bool IsExpression, string Text)> parts) => Parts = parts;

    public IReadOnlyList<(bool IsExpression, string Text)> Parts { get; }

    /// <summary>The whole text is one expression: its result keeps its JSON type.</summary>
    public bool IsSingleExpression => Parts is [(true, _)];

    public bool HasExpressions => Parts.Any(p => p.IsExpression);

    public static bool Contains(string text) => text.Contains("{{", StringComparison.Ordinal);

    /// <exception cref="FormatException">A <c>{{</c> has no closing <c>}}</c>.</exception>
    public static ExpressionTemplate Parse(string text)
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

            var close = text.IndexOf("}}", open + 2, StringComparison.Ordinal);
            if (close < 0)
            {
                throw new FormatException($"'{{{{' at position {open + 1} has no closing '}}}}'.");
            }

            if (open > position)
            {
                parts.Add((false, text[position..open]));
            }

            parts.Add((true, text[(open + 2)..close].Trim()));
            position = close + 2;
        }

        // A value that is exactly one expression, surrounded only by white space, keeps its type.
        if (parts.Count > 1 && parts.Count(p => p.Item1) == 1 && parts.Where(p => !p.Item1).All(p => string.IsNullOrWhiteSpace(p.Item2)))
        {
            parts.RemoveAll(p => !p.Item1);
        }

        return new ExpressionTemplate(parts);
    }
}
