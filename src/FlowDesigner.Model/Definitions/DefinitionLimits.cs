namespace FlowDesigner.Model.Definitions;

/// <summary>How large a workflow and its parts may be; a file past any of them is refused with the limit named.</summary>
public static class DefinitionLimits
{
    public const int MaxNodes = 2_000;

    public const int MaxNodeNameLength = 200;

    public const int MaxNoteLength = 10_000;

    /// <summary>One setting's value, as JSON text.</summary>
    public const int MaxSettingLength = 256 * 1024;

    /// <summary>How far from the origin a node or note may sit, in canvas units, either way.</summary>
    public const double MaxCoordinate = 1_000_000;
}
