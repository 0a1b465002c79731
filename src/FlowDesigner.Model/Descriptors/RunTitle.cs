namespace FlowDesigner.Model.Descriptors;

/// <summary>
/// The setting every trigger has that names its runs: text with expressions over the event, evaluated once when a run
/// starts, shown in the Runs list and searched there by its beginning, whatever its case.
/// </summary>
public static class RunTitle
{
    public const string PropertyName = "runTitle";

    /// <summary>How long a stored title may be; a longer one is cut.</summary>
    public const int MostLength = 200;

    public static PropertyDescriptor Property(string placeholder) => Descriptors.Property.Text(PropertyName, "Run title") with
    {
        Placeholder = placeholder,
        Help = "Names each run in the Runs list, where operators find it by typing its beginning. Evaluated once, when the run starts.",
    };

    /// <summary>The title as stored for search: lower-cased (invariant), so that a search finds it whatever its case.</summary>
    public static string SearchKey(string title) => title.ToLowerInvariant();
}
