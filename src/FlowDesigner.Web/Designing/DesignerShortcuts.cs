using Microsoft.AspNetCore.Components.Web;

namespace FlowDesigner.Web.Designing;

/// <summary>The designer's keyboard shortcuts: which key does what, and the list the <c>?</c> help shows.</summary>
public static class DesignerShortcuts
{
    /// <summary>Every shortcut and what it does, in the order the help lists them.</summary>
    public static IReadOnlyList<(string Keys, string What)> All { get; } =
    [
        ("Ctrl+S", "Save the draft"),
        ("Ctrl+Z", "Undo"),
        ("Ctrl+Shift+Z or Ctrl+Y", "Redo"),
        ("Delete or Backspace", "Delete the selected nodes and links"),
        ("Ctrl+C", "Copy the selected nodes"),
        ("Ctrl+V", "Paste them, a little below and to the right"),
        ("Ctrl+D", "Duplicate the selected nodes"),
        ("Ctrl+A", "Select every node"),
        ("+ / -", "Zoom in / out"),
        ("Shift+1", "Fit the whole workflow in view"),
        ("Shift+Alt+L", "Auto-layout: tidy the graph left to right, then fit it"),
        ("Ctrl+click", "Add a node to the selection"),
        ("Shift+drag", "Select the nodes in a box"),
        ("Mouse wheel", "Zoom at the pointer"),
        ("Click in the map", "Move the view there (drag to move along)"),
        ("?", "This list"),
    ];

    /// <summary>The command a key press on the canvas means; keys are read by their place (Shift+1 is "!" on many layouts).</summary>
    public static DesignerCommand CommandFor(KeyboardEventArgs e)
    {
        var command = e.CtrlKey || e.MetaKey;
        return (e.Key.ToLowerInvariant(), e.Code) switch
        {
            (_, "Digit1") when e.ShiftKey && !command && !e.AltKey => DesignerCommand.Fit,
            (_, "KeyL") when e.ShiftKey && e.AltKey && !command => DesignerCommand.AutoLayout,
            ("z", _) when command && e.ShiftKey => DesignerCommand.Redo,
            ("y", _) when command => DesignerCommand.Redo,
            ("z", _) when command => DesignerCommand.Undo,
            ("s", _) when command => DesignerCommand.Save,
            ("c", _) when command => DesignerCommand.Copy,
            ("v", _) when command => DesignerCommand.Paste,
            ("d", _) when command => DesignerCommand.Duplicate,
            ("a", _) when command => DesignerCommand.SelectAll,
            ("delete" or "backspace", _) => DesignerCommand.Delete,
            ("+" or "=", _) => DesignerCommand.ZoomIn,
            ("-", _) => DesignerCommand.ZoomOut,
            ("?", _) => DesignerCommand.Help,
            _ => DesignerCommand.None,
        };
    }

    /// <summary>Whether the command only looks, and so also works on a published version shown read-only.</summary>
    public static bool OnlyLooks(DesignerCommand command) =>
        command is DesignerCommand.ZoomIn or DesignerCommand.ZoomOut or DesignerCommand.Fit or DesignerCommand.Help or DesignerCommand.None;
}
