using Blazor.Diagrams.Core.Geometry;
using Blazor.Diagrams.Core.Models;
using FlowDesigner.Model.Definitions;

namespace FlowDesigner.Web.Components.Designer;

/// <summary>A sticky note on the canvas: text for the people who read the workflow, no effect on runs.</summary>
public sealed class FlowNoteModel(NoteDefinition note, string noteId, Func<string, string, Task> onText)
    : NodeModel(noteId, new Point(note.Position.X, note.Position.Y))
{
    public string NoteId { get; } = noteId;

    public string Text { get; } = note.Text;

    /// <summary>Called with the note's id and its new text when the analyst has written on it.</summary>
    public Func<string, string, Task> OnText { get; } = onText;
}
