namespace FlowDesigner.Web.Operating;

/// <summary>A run's timeline as laid out: its lanes, the span they cover, and which page of a large loop's items is shown.</summary>
/// <param name="ItemCount">How many for-each items the run has, in all loops.</param>
/// <param name="ItemPage">The page of items shown (from 0) when they are more than a page.</param>
public sealed record Timeline(IReadOnlyList<TimelineLane> Lanes, DateTime Start, TimeSpan Duration, int ItemCount, int ItemPage, int ItemPages);
