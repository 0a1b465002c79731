namespace FlowDesigner.Model.Descriptors;

/// <summary>One choice of a select property: the stored value and the label shown.</summary>
public sealed record PropertyOption(string Value, string Label);
