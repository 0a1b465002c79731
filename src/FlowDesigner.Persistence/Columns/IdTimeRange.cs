using FlowDesigner.Model.Runs;

namespace FlowDesigner.Persistence.Columns;

/// <summary>
/// A time range read as a range of time-ordered ids (an id is made when its row is), with a minute's margin for the
/// clocks of several nodes; the row's own time then decides exactly. The run list and the event stream read so.
/// </summary>
internal static class IdTimeRange
{
    private static readonly TimeSpan ClockMargin = TimeSpan.FromMinutes(1);

    /// <summary>No id of a row made at or after <paramref name="from"/> sorts below this.</summary>
    public static Guid Lowest(DateTime from) => TimeOrderedId.Floor(from - ClockMargin);

    /// <summary>Every id of a row made before <paramref name="to"/> sorts below this.</summary>
    public static Guid Above(DateTime to) => TimeOrderedId.Floor(to + ClockMargin);
}
