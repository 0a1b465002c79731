using System.Text.RegularExpressions;

namespace FlowDesigner.Model.Expressions;

/// <summary>
/// Shows a placeholder or help text, written relative to the event's data (<c>{{ trigger.order.id }}</c>), as the
/// workflow's trigger reads it (<c>{{ trigger.body.order.id }}</c> under a webhook).
/// </summary>
public static partial class TriggerHints
{
    /// <param name="dataPath">The trigger's <see cref="Descriptors.NodeTypeDescriptor.DataPath"/>; null leaves the text as it is.</param>
    public static string? For(string? text, string? dataPath) =>
        text is null || string.IsNullOrEmpty(dataPath) || !text.Contains("trigger.", StringComparison.Ordinal)
            ? text
            : TriggerRead().Replace(text, $"trigger.{dataPath}.");

    [GeneratedRegex(@"(?<![\w.$])trigger\.")]
    private static partial Regex TriggerRead();
}
