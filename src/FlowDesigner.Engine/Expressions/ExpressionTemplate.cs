using FlowDesigner.Model.Expressions;

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
        var parts = ExpressionScanner.Split(text).ToList();

        // A value that is exactly one expression, surrounded only by white space, keeps its type.
        if (parts.Count > 1 && parts.Count(p => p.IsExpression) == 1 && parts.Where(p => !p.IsExpression).All(p => string.IsNullOrWhiteSpace(p.Text)))
        {
            parts.RemoveAll(p => !p.IsExpression);
        }

        return new ExpressionTemplate(parts);
    }
}
