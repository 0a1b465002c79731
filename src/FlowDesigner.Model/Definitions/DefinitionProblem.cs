namespace FlowDesigner.Model.Definitions;

/// <summary>Why a workflow file could not be read, and where: a line and column, a field path, or both.</summary>
public sealed record DefinitionProblem(string Message, string? Field = null, int? Line = null, int? Column = null)
{
    public override string ToString()
    {
        var where = (Line, Field) switch
        {
            ({ } line, { Length: > 0 } field) => $"Line {line}, column {Column} ({field}): ",
            ({ } line, _) => $"Line {line}, column {Column}: ",
            (null, { Length: > 0 } field) => $"{field}: ",
            _ => "",
        };
        return where + Message;
    }
}
