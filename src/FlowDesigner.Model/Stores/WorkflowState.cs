namespace FlowDesigner.Model.Stores;

public enum WorkflowState
{
    /// <summary>Never published: its trigger does nothing yet.</summary>
    Draft,

    /// <summary>The draft is the active published version.</summary>
    Published,

    /// <summary>Published, and the draft has changed since.</summary>
    Changed,

    /// <summary>Published once, then deactivated: no version listens to the trigger until one is activated.</summary>
    Inactive,
}
