namespace FlowDesigner.Engine.Runtime;

/// <summary>
/// Where a step runs: <c>""</c> outside loops, <c>"2"</c> for item 2 of a for-each, <c>"2.0"</c> for item 0 of a
/// for-each nested in it.
/// </summary>
public static class Scope
{
    public const string Root = "";

    public static int Depth(string scope) => scope.Length == 0 ? 0 : scope.AsSpan().Count('.') + 1;

    public static string Child(string scope, int index) => scope.Length == 0 ? index.ToString() : $"{scope}.{index}";

    public static string Prefix(string scope, int depth)
    {
        if (depth == 0)
        {
            return Root;
        }

        // The scope up to (not including) its depth-th dot; the whole scope when it is no deeper.
        var end = -1;
        for (var level = 0; level < depth; level++)
        {
            end = scope.IndexOf('.', end + 1);
            if (end < 0)
            {
                return scope;
            }
        }

        return scope[..end];
    }

    public static int LastIndex(string scope) => int.Parse(scope[(scope.LastIndexOf('.') + 1)..]);

    public static string Parent(string scope) => Prefix(scope, Depth(scope) - 1);
}
