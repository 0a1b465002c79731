namespace FlowDesigner.Model.Validation;

public enum IssueKind
{
    /// <summary>The graph itself is broken (unknown type, dangling edge, cycle): refused on import, save and publish.</summary>
    Structure,

    /// <summary>The graph is unfinished (no trigger yet, a required setting empty): saved as a draft, refused on publish.</summary>
    Incomplete,

    /// <summary>Worth a look before going live (an event nobody emits, a credential whose test failed): publishing says so and goes on.</summary>
    Warning,
}
