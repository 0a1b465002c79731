namespace FlowDesigner.Web.Designing;

/// <summary>What a key on the canvas asks the designer to do.</summary>
public enum DesignerCommand
{
    None,
    Undo,
    Redo,
    Save,
    Copy,
    Paste,
    Duplicate,
    Delete,
    SelectAll,
    ZoomIn,
    ZoomOut,
    Fit,
    AutoLayout,
    Help,
}
