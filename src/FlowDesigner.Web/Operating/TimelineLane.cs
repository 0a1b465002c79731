namespace FlowDesigner.Web.Operating;

/// <summary>A row of the timeline: a branch outside loops, an item of a for-each, or the summary of a loop's items.</summary>
/// <param name="IsGroup">True for the row that stands for all the items of a large loop, paged below it.</param>
public sealed record TimelineLane(string Label, IReadOnlyList<TimelineBar> Bars, bool IsGroup = false);
