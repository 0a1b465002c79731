namespace FlowDesigner.Model.Definitions;

/// <summary>
/// Finds the fields a definition cannot do without (ids, types, edge ends) that a file left out or empty, and the
/// values past <see cref="DefinitionLimits"/>.
/// </summary>
internal static class DefinitionShapeCheck
{
    public static IReadOnlyList<DefinitionProblem> FindProblems(WorkflowDefinition definition)
    {
        var problems = new List<DefinitionProblem>();
        if (string.IsNullOrWhiteSpace(definition.Name))
        {
            problems.Add(new("The workflow has no name: set \"name\".", "name"));
        }

        if (definition.Nodes.Count > DefinitionLimits.MaxNodes)
        {
            problems.Add(new($"A workflow may have at most {DefinitionLimits.MaxNodes:N0} nodes; this one has {definition.Nodes.Count:N0}.", "nodes"));
        }

        for (var i = 0; i < definition.Nodes.Count; i++)
        {
            var node = definition.Nodes[i];
            Require(problems, node.Id, $"nodes[{i}].id", "Every node needs an \"id\".");
            Require(problems, node.Type, $"nodes[{i}].type", "Every node needs a \"type\" such as \"core.webhook\".");
            Require(problems, node.Name, $"nodes[{i}].name", "Every node needs a \"name\".");
            AtMost(problems, node.Name?.Length ?? 0, DefinitionLimits.MaxNodeNameLength, $"nodes[{i}].name", "A node's name");
            CheckPosition(problems, node.Position, $"nodes[{i}].position");
            foreach (var (key, value) in node.Config)
            {
                AtMost(problems, value.GetRawText().Length, DefinitionLimits.MaxSettingLength, $"nodes[{i}].config.{key}", "One setting");
            }
        }

        for (var i = 0; i < definition.Edges.Count; i++)
        {
            var edge = definition.Edges[i];
            Require(problems, edge.From, $"edges[{i}].from", "Every edge needs \"from\": the id of the node it leaves.");
            Require(problems, edge.Port, $"edges[{i}].port", "Every edge needs \"port\": the output port it leaves from, such as \"out\".");
            Require(problems, edge.To, $"edges[{i}].to", "Every edge needs \"to\": the id of the node it enters.");
        }

        for (var i = 0; i < definition.Notes.Count; i++)
        {
            var note = definition.Notes[i];
            if (note.Text is null)
            {
                problems.Add(new("Every note needs \"text\".", $"notes[{i}].text"));
            }

            AtMost(problems, note.Text?.Length ?? 0, DefinitionLimits.MaxNoteLength, $"notes[{i}].text", "A note's text");
            CheckPosition(problems, note.Position, $"notes[{i}].position");
            CheckCoordinate(problems, note.Width, $"notes[{i}].width");
            CheckCoordinate(problems, note.Height, $"notes[{i}].height");
        }

        return problems;
    }

    private static void AtMost(List<DefinitionProblem> problems, int length, int limit, string field, string what)
    {
        if (length > limit)
        {
            problems.Add(new($"{what} may be at most {limit:N0} characters; this one has {length:N0}.", field));
        }
    }

    private static void CheckPosition(List<DefinitionProblem> problems, Position position, string field)
    {
        CheckCoordinate(problems, position.X, field + ".x");
        CheckCoordinate(problems, position.Y, field + ".y");
    }

    private static void CheckCoordinate(List<DefinitionProblem> problems, double value, string field)
    {
        if (!double.IsFinite(value) || Math.Abs(value) > DefinitionLimits.MaxCoordinate)
        {
            problems.Add(new($"Must be a number from -{DefinitionLimits.MaxCoordinate:N0} to {DefinitionLimits.MaxCoordinate:N0}.", field));
        }
    }

    private static void Require(List<DefinitionProblem> problems, string? value, string field, string message)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add(new(message, field));
        }
    }
}
