namespace FlowDesigner.Model.Definitions;

/// <summary>Finds the fields a definition cannot do without (ids, types, edge ends) that a file left out or empty.</summary>
internal static class DefinitionShapeCheck
{
    public static IReadOnlyList<DefinitionProblem> FindProblems(WorkflowDefinition definition)
    {
        var problems = new List<DefinitionProblem>();
        if (string.IsNullOrWhiteSpace(definition.Name))
        {
            problems.Add(new("The workflow has no name: set \"name\".", "name"));
        }

        for (var i = 0; i < definition.Nodes.Count; i++)
        {
            var node = definition.Nodes[i];
            Require(problems, node.Id, $"nodes[{i}].id", "Every node needs an \"id\".");
            Require(problems, node.Type, $"nodes[{i}].type", "Every node needs a \"type\" such as \"core.webhook\".");
            Require(problems, node.Name, $"nodes[{i}].name", "Every node needs a \"name\".");
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
            if (definition.Notes[i].Text is null)
            {
                problems.Add(new("Every note needs \"text\".", $"notes[{i}].text"));
            }
        }

        return problems;
    }

    private static void Require(List<DefinitionProblem> problems, string? value, string field, string message)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add(new(message, field));
        }
    }
}
