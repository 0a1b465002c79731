namespace FlowDesigner.Model.Descriptors;

/// <summary>
/// The keys of the core node types, each written once: the connectors declare them, the engine runs them and the
/// designer treats some specially, all by these names.
/// </summary>
public static class CoreNodeTypes
{
    public const string Webhook = "core.webhook";

    public const string Schedule = "core.schedule";

    public const string Manual = "core.manual";

    public const string OnEvent = "core.on-event";

    public const string EmitEvent = "core.emit-event";

    public const string Condition = "core.condition";

    public const string Switch = "core.switch";

    public const string ForEach = "core.for-each";

    public const string Merge = "core.merge";

    public const string Set = "core.set";

    public const string Code = "core.code";

    public const string Delay = "core.delay";

    public const string Fail = "core.fail";

    public const string Respond = "core.respond";

    public const string CallWorkflow = "core.call-workflow";
}
