namespace FlowDesigner.Connectors.Core;

/// <summary>The palette groups of the core nodes.</summary>
public static class CoreCategories
{
    public const string Triggers = "Triggers";
    public const string Logic = "Logic";
}
