using FlowDesigner.Model.Definitions;
using FlowDesigner.Model.Descriptors;

namespace FlowDesigner.Model.Validation;

/// <summary>
/// A for-each branch (everything reached from the loop's <c>each</c> port) runs once per item, so it may only be
/// entered through that port: a link into the branch from outside would join per-item work with single work.
/// </summary>
internal static class ForEachContainment
{
    public static void Check(GraphShape graph, Dictionary<NodeDefinition, NodeTypeDescriptor> types, List<ValidationIssue> issues)
    {
        var namesById = types.Keys.ToDictionary(n => n.Id, n => n.Name, StringComparer.Ordinal);
        var loops = types.Where(t => t.Value.OutputPorts.Any(p => p.Name == PortDescriptor.Each.Name)).Select(t => t.Key);
        foreach (var loop in loops)
        {
            var entries = graph.Outgoing(loop.Id).Where(e => e.Port == PortDescriptor.Each.Name).Select(e => e.To);
            var branch = graph.ReachableFrom(entries);
            if (branch.Contains(loop.Id))
            {
                continue; // a loop back to the for-each is reported as a cycle
            }

            foreach (var id in branch)
            {
                var leak = graph.Incoming(id).FirstOrDefault(e =>
                    !(e.From == loop.Id && e.Port == PortDescriptor.Each.Name) && !branch.Contains(e.From));
                if (leak is null)
                {
                    continue;
                }

                issues.Add(new("foreach-leak",
                    $"'{namesById.GetValueOrDefault(id, id)}' runs once per item inside the for-each '{loop.Name}', but it is also linked from "
                    + $"'{namesById.GetValueOrDefault(leak.From, leak.From)}' outside that branch. Link the loop's 'done' output to later nodes instead.",
                    IssueKind.Structure) { NodeId = id, EdgeKey = leak.Key });
            }
        }
    }
}
