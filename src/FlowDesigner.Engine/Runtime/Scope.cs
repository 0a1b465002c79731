namespace FlowDesigner.Engine.Runtime;

/// <summary>
/// Where a step runs: <c>""</c> outside loops, <c>"2"</c> for item 2 of a for-each, <c>"2.0"</c> for item 0 of a
/// for-each nested in it.
/// </summary>
public static class Scope
{
    public const string Root = "";

    public static int Depth(string scope) => scope.Length == 0 ? 0 : scope.Count(c => c == '.') + 1;

    public static string Child(string scope, int index) => scope.Length == 0 ? index.ToString() : $"{scope}.{index}";

    public static string Prefix(string scope, int depth)
    {
        if (depth == 0)
        {
            return Root;
        }

        var parts = scope.Split('.');
        return string.Join('.', parts.Take(depth));
    }

    public static int LastIndex(string scope) => int.Parse(scope[(scope.LastIndexOf('.') + 1)..]);

    public static string Parent(string scope) => Prefix(scope, Depth(scope) - 1);
}
