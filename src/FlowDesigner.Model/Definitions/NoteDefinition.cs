namespace FlowDesigner.Model.Definitions;

/// <summary>A sticky note on the canvas; it has no effect on execution.</summary>
public sealed record NoteDefinition(string Text)
{
    public string? Id { get; init; }

    public Position Position { get; init; } = Position.Origin;

    public double Width { get; init; } = 240;

    public double Height { get; init; } = 120;
}
