using System.Reflection;

namespace FlowDesigner.Connectors;

/// <summary>Points at the assembly whose node and credential types the catalog collects at start-up.</summary>
public static class BuiltInNodes
{
    public static Assembly Assembly => typeof(BuiltInNodes).Assembly;
}
