namespace FlowDesigner.Model.Descriptors;

public enum NodeKind
{
    /// <summary>Starts a run when its event happens; has no input port. A workflow has exactly one.</summary>
    Trigger,

    /// <summary>Does work, usually against another system.</summary>
    Action,

    /// <summary>Steers the run: branches, loops, joins, waits.</summary>
    Logic,
}
