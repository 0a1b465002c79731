namespace FlowDesigner.Engine.Runtime;

/// <summary>
/// Compares (node id, scope) keys ordinally, with a plain FNV-1a hash of both texts: they are short, and the
/// planner looks them up many times a pass, where the default (randomised) string hash costs more than the lookup.
/// </summary>
internal sealed class StepKeyComparer : IEqualityComparer<(string NodeId, string Scope)>
{
    public static readonly StepKeyComparer Instance = new();

    public bool Equals((string NodeId, string Scope) x, (string NodeId, string Scope) y) =>
        string.Equals(x.NodeId, y.NodeId, StringComparison.Ordinal) && string.Equals(x.Scope, y.Scope, StringComparison.Ordinal);

    public int GetHashCode((string NodeId, string Scope) key)
    {
        var hash = 2166136261u;
        foreach (var c in key.NodeId)
        {
            hash = (hash ^ c) * 16777619u;
        }

        hash = (hash ^ '|') * 16777619u;
        foreach (var c in key.Scope)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)hash;
    }
}
