using FlowDesigner.Model.Definitions;
using FlowDesigner.Model.Stores;

namespace FlowDesigner.Engine.Webhooks;

/// <summary>The published version a webhook call reaches, and its webhook trigger.</summary>
public sealed record WebhookTarget(VersionRecord Version, NodeDefinition Trigger);
