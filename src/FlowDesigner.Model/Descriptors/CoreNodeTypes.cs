namespace FlowDesigner.Model.Descriptors;

/// <summary>The keys of the core node types the engine and the designer treat specially, each written once.</summary>
public static class CoreNodeTypes
{
    public const string Webhook = "core.webhook";

    public const string Manual = "core.manual";

    public const string OnEvent = "core.on-event";

    public const string EmitEvent = "core.emit-event";
}
