using FlowDesigner.Model.Definitions;
using FlowDesigner.Model.Descriptors;
using FlowDesigner.Model.Validation;

namespace FlowDesigner.Model.Editing;

/// <summary>
/// Which links the canvas lets an analyst draw: from an output port to the input of another node, once, and never
/// into a trigger or back to where it came from. The answer says what is wrong, for the canvas to show.
/// </summary>
public static class LinkRules
{
    /// <returns>Null when the link may be drawn; otherwise why not, in words an analyst understands.</returns>
    public static string? Problem(WorkflowDefinition definition, NodeCatalog catalog, EdgeDefinition link)
    {
        if (definition.FindNode(link.From) is not { } from || definition.FindNode(link.To) is not { } to)
        {
            return "Both ends of a link must be nodes of this workflow.";
        }

        if (link.From == link.To)
        {
            return $"'{from.Name}' cannot be linked to itself.";
        }

        if (catalog.FindNodeType(to.Type) is { HasInput: false })
        {
            return $"'{to.Name}' is a trigger: it starts the workflow and takes no input.";
        }

        if (catalog.FindNodeType(from.Type) is { } type && type.PortsOf(from).All(p => p.Name != link.Port))
        {
            return $"'{from.Name}' has no output '{link.Port}'.";
        }

        if (definition.Edges.Any(e => e.Key == link.Key))
        {
            return $"'{from.Name}' › {link.Port} is already linked to '{to.Name}'.";
        }

        var shape = new GraphShape(definition.Nodes.Select(n => n.Id), definition.Edges);
        return shape.ReachableFrom([link.To]).Contains(link.From)
            ? $"Linking '{from.Name}' to '{to.Name}' would make a loop; use a for-each to repeat steps."
            : null;
    }
}
