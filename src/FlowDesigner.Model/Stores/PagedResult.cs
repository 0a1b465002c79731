namespace FlowDesigner.Model.Stores;

/// <summary>One page of a list and how many items the whole list holds.</summary>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int TotalCount);
