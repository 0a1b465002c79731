namespace FlowDesigner.Model.Descriptors;

/// <summary>The lists a text setting may offer while typing (<see cref="PropertyDescriptor.Suggestions"/>).</summary>
public static class SuggestionLists
{
    /// <summary>The names of the events published workflows emit.</summary>
    public const string EmittedEvents = "emitted-events";
}
