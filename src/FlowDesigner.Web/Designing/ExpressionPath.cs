using System.Text.RegularExpressions;

namespace FlowDesigner.Web.Designing;

/// <summary>Builds the JavaScript path to a field of a step's output: <c>trigger.body.items[0].sku</c>, <c>steps['Map order']['order id']</c>.</summary>
public static partial class ExpressionPath
{
    public static string Member(string path, string name) =>
        Identifier().IsMatch(name) ? $"{path}.{name}" : $"{path}['{name.Replace("\\", "\\\\").Replace("'", "\\'")}']";

    public static string Item(string path, int index) => $"{path}[{index}]";

    /// <summary>The path as a setting holds it: one <c>{{ }}</c> expression.</summary>
    public static string Expression(string path) => $"{{{{ {path} }}}}";

    [GeneratedRegex("^[A-Za-z_$][A-Za-z0-9_$]*$")]
    private static partial Regex Identifier();
}
