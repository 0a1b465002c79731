namespace FlowDesigner.Persistence.Columns;

/// <summary>
/// A step attempt's start and finish as stored: the start as ticks (see <see cref="TimeToTicksConverter"/>), the
/// finish as the ticks after the start, a duration of a few bytes instead of eight; a step that never started
/// (skipped, cancelled while pending) keeps its finish as ticks.
/// </summary>
internal static class StepTimes
{
    /// <summary>The SQL of the stored finish for a step finishing at <c>$now</c> (ticks), from its row's start.</summary>
    public const string FinishSql = "$now - coalesce(\"StartedAt\", 0)";

    public static long? Started(DateTime? started) => started?.Ticks;

    public static long? Finished(DateTime? started, DateTime? finished) => finished is { } end ? end.Ticks - (started?.Ticks ?? 0) : null;

    public static DateTime? Started(long? started) => started is { } ticks ? new DateTime(ticks, DateTimeKind.Utc) : null;

    public static DateTime? Finished(long? started, long? finished) => finished is { } after ? new DateTime(after + (started ?? 0), DateTimeKind.Utc) : null;
}
