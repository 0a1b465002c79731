namespace FlowDesigner.Model.Expressions;

/// <summary>A piece of a <see cref="JsonTemplate"/>: JSON text as written, or an expression's JavaScript.</summary>
/// <param name="InString">The expression sits inside a JSON string: its result is put in as text, escaped.</param>
public readonly record struct JsonTemplatePart(string Text, bool IsExpression, bool InString);
