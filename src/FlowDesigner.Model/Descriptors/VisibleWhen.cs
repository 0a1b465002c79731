namespace FlowDesigner.Model.Descriptors;

/// <summary>A property is shown (and required) only while another property holds one of these values.</summary>
public sealed record VisibleWhen(string Property, IReadOnlyList<string> Values)
{
    public static VisibleWhen Is(string property, params string[] values) => new(property, values);
}
