namespace FlowDesigner.Engine.Runtime;

/// <summary>The engine's settings; the <c>Engine</c> section.</summary>
public sealed class EngineOptions
{
    public const string Section = "Engine";

    /// <summary>Values expressions may read as <c>env.NAME</c>. Default none.</summary>
    public Dictionary<string, string> Env { get; set; } = [];

    /// <summary>How often the recovery sweep looks for steps whose job is gone. Default 60 s.</summary>
    public int RecoveryIntervalSeconds { get; set; } = 60;

    /// <summary>The largest webhook body accepted, in bytes. Default 1 MB.</summary>
    public int MaxWebhookBodyBytes { get; set; } = 1024 * 1024;
}
