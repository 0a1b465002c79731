using FlowDesigner.Model.Definitions;

namespace FlowDesigner.Model.Editing;

/// <summary>Ids and names for new nodes that no node of the workflow has yet: <c>n7</c>, "HTTP request 2".</summary>
public static class NodeNaming
{
    /// <summary>The next free id of the form <c>n1</c>, <c>n2</c>, … after those already taken.</summary>
    public static string NextId(IEnumerable<string> taken)
    {
        var used = taken.ToHashSet(StringComparer.Ordinal);
        var highest = used.Select(id => id.Length > 1 && id[0] == 'n' && int.TryParse(id[1..], out var n) ? n : 0).DefaultIfEmpty(0).Max();
        for (var next = highest + 1; ; next++)
        {
            if (!used.Contains($"n{next}"))
            {
                return $"n{next}";
            }
        }
    }

    /// <summary><paramref name="wanted"/> if free, else the same name followed by the lowest free number from 2.</summary>
    public static string UniqueName(string wanted, IEnumerable<string> taken)
    {
        var used = taken.ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (!used.Contains(wanted))
        {
            return wanted;
        }

        var stem = StemOf(wanted);
        for (var number = 2; ; number++)
        {
            var candidate = $"{stem} {number}";
            if (!used.Contains(candidate))
            {
                return candidate;
            }
        }
    }

    public static IEnumerable<string> Names(WorkflowDefinition definition) => definition.Nodes.Select(n => n.Name);

    public static IEnumerable<string> Ids(WorkflowDefinition definition) => definition.Nodes.Select(n => n.Id);

    /// <summary>"Send mail 3" → "Send mail", so that a copy of a copy is numbered, not suffixed twice.</summary>
    private static string StemOf(string name)
    {
        var space = name.LastIndexOf(' ');
        return space > 0 && int.TryParse(name[(space + 1)..], out _) ? name[..space] : name;
    }
}
