namespace FlowDesigner.Persistence.Columns;

/// <summary>
/// What a step row's output column may hold instead of the output itself, when the output is stored elsewhere:
/// text that no JSON begins with, so it cannot be mistaken for an output.
/// </summary>
internal static class StoredOutput
{
    /// <summary>A trigger step's output is its run's event payload, which the event's row holds.</summary>
    public const string EventPayload = "=event";

    /// <summary>A step a mending run reuses holds this and the id of the mended run's step it reuses; its input and output are that step's.</summary>
    public const string ReusedPrefix = "=reused/";

    public static string Reused(long stepId) => ReusedPrefix + stepId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The id of the step a row reuses, or null when it holds its own output.</summary>
    public static long? ReusedStep(string? output) =>
        output is not null && output.StartsWith(ReusedPrefix, StringComparison.Ordinal)
        && long.TryParse(output.AsSpan(ReusedPrefix.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
            ? id
            : null;
}
