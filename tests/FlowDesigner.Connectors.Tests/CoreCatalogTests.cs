using System.Text.Json;
using FlowDesigner.Model.Definitions;
using FlowDesigner.Model.Descriptors;
using FlowDesigner.Model.Validation;
using FlowDesigner.Testing;

namespace FlowDesigner.Connectors.Tests;

public sealed class CoreCatalogTests
{
    private static readonly NodeCatalog Catalog = NodeCatalog.FromAssembly(BuiltInNodes.Assembly);

    private static readonly string[] CoreKeyList =
    [
        "core.webhook", "core.schedule", "core.manual", "core.on-event",
        "core.condition", "core.switch", "core.for-each", "core.merge", "core.delay",
        "core.set", "core.code", "core.emit-event", "core.fail",
    ];

    public static TheoryData<string> CoreKeys => new(CoreKeyList);

    [Fact]
    public void Catalog_ListsEveryCoreNode()
    {
        var keys = Catalog.NodeTypes.Select(t => t.Key).ToHashSet();

        Assert.Superset(CoreKeyList.ToHashSet(), keys);
    }

    [Fact]
    public void ExampleOutputs_AreJsonObjects_AndEveryVendorNodeAndFixedShapeTriggerHasOne()
    {
        var withExamples = Catalog.NodeTypes.Where(t => t.ExampleOutputJson is not null).ToList();
        foreach (var type in withExamples)
        {
            using var example = JsonDocument.Parse(type.ExampleOutputJson!);
            Assert.Equal(JsonValueKind.Object, example.RootElement.ValueKind);
        }

        var vendorNodes = Catalog.NodeTypes.Where(t => t.CredentialRequired && t.Key.Split('.')[0] is "magento" or "salesforce" or "servicenow" or "netsuite");
        Assert.All(vendorNodes, t => Assert.NotNull(t.ExampleOutputJson));
        Assert.All(["core.webhook", "core.schedule", "magento.new-order", "http.request"], key => Assert.NotNull(Catalog.FindNodeType(key)!.ExampleOutputJson));
    }

    [Fact]
    public void Hints_AreWrittenRelativeToTheEventsData_AndAWebhookSaysItsDataIsItsBody()
    {
        var hints = Catalog.NodeTypes.SelectMany(t => t.Properties).SelectMany(p => new[] { p.Placeholder, p.Help }).OfType<string>().ToList();

        Assert.Contains(hints, h => h.Contains("{{ trigger.", StringComparison.Ordinal));
        Assert.DoesNotContain(hints, h => h.Contains("trigger.body.", StringComparison.Ordinal));
        Assert.Equal("body", Catalog.FindNodeType("core.webhook")!.DataPath);
        Assert.Null(Catalog.FindNodeType("magento.new-order")!.DataPath);
        using var example = JsonDocument.Parse(Catalog.FindNodeType("core.webhook")!.ExampleOutputJson!);
        Assert.True(example.RootElement.TryGetProperty("body", out _));
    }

    [Fact]
    public void Catalog_PutsTriggersFirst()
    {
        var kinds = Catalog.NodeTypes.Select(t => t.Kind).ToList();

        var triggers = kinds.Count(k => k == NodeKind.Trigger);
        Assert.Equal(5, triggers);
        Assert.Equal(triggers, kinds.TakeWhile(k => k == NodeKind.Trigger).Count());
    }

    [Theory]
    [MemberData(nameof(CoreKeys))]
    public void Descriptor_IsConsistent(string key)
    {
        var type = Catalog.FindNodeType(key)!;

        Assert.Matches("^[a-z0-9]+\\.[a-z0-9-]+$", type.Key);
        Assert.False(string.IsNullOrWhiteSpace(type.Description));
        Assert.True(File.Exists(Path.Combine(RepositoryPaths.Root, "wwwroot-assets", type.Icon)), $"{type.Icon} is missing");
        Assert.Equal(type.Properties.Count, type.Properties.Select(p => p.Name).Distinct().Count());
        foreach (var property in type.Properties)
        {
            if (property.VisibleWhen is { } rule)
            {
                Assert.NotNull(type.FindProperty(rule.Property));
            }

            if (property.Editor == PropertyEditor.Select)
            {
                Assert.Contains(PropertyValues.AsText(property.Default), property.Options.Select(o => o.Value));
            }
        }
    }

    [Theory]
    [MemberData(nameof(CoreKeys))]
    public void CreateNode_FillsDefaults_SoThatOnlyRequiredValuesRemain(string key)
    {
        var type = Catalog.FindNodeType(key)!;
        var node = type.CreateNode("n1", type.DisplayName, new Position(10, 20));
        var trigger = type.Kind == NodeKind.Trigger ? node : Catalog.FindNodeType("core.manual")!.CreateNode("t", "Start", Position.Origin);
        var graph = WorkflowDefinition.Empty("Check") with
        {
            Nodes = type.Kind == NodeKind.Trigger ? [node] : [trigger, node],
            Edges = type.Kind == NodeKind.Trigger ? [] : [new EdgeDefinition("t", "out", "n1")],
        };

        var issues = new GraphValidator(Catalog).Validate(graph);

        Assert.All(issues, issue => Assert.Equal("required-property", issue.Code));
        Assert.All(issues, issue => Assert.True(type.FindProperty(issue.Property!)!.Required));
    }

    [Fact]
    public void Webhook_SummarizesItsRoute()
    {
        var webhook = Catalog.FindNodeType("core.webhook")!;
        var defaults = webhook.CreateNode("n1", "Order placed", Position.Origin);
        var node = defaults with
        {
            Config = new Dictionary<string, JsonElement>(defaults.Config) { ["path"] = JsonSerializer.SerializeToElement("orders") },
        };

        Assert.Equal("POST /hooks/orders", webhook.Summarize!(node));
    }

    [Theory]
    [InlineData("none", false, 0)]
    [InlineData("standardWebhooks", true, 1)]
    [InlineData("apiKey", true, 1)]
    public void Webhook_AsksForASecret_OnlyWhileItChecksRequests(string protection, bool asks, int missing)
    {
        var webhook = Catalog.FindNodeType("core.webhook")!;
        var defaults = webhook.CreateNode("n1", "Order placed", Position.Origin);
        var node = defaults with
        {
            Config = new Dictionary<string, JsonElement>(defaults.Config)
            {
                ["path"] = JsonSerializer.SerializeToElement("orders"),
                ["protection"] = JsonSerializer.SerializeToElement(protection),
            },
        };

        var issues = new GraphValidator(Catalog).Validate(WorkflowDefinition.Empty("Check") with { Nodes = [node] });

        Assert.Equal(asks, PropertyValues.AsksForCredential(webhook, node));
        Assert.Equal(missing, issues.Count(i => i.Code == "missing-credential"));
    }

    [Fact]
    public void Webhook_RefusesARateLimitBelowOne()
    {
        var webhook = Catalog.FindNodeType("core.webhook")!;
        var defaults = webhook.CreateNode("n1", "Order placed", Position.Origin);
        var node = defaults with
        {
            Config = new Dictionary<string, JsonElement>(defaults.Config)
            {
                ["path"] = JsonSerializer.SerializeToElement("orders"),
                ["rateLimit"] = JsonSerializer.SerializeToElement(0),
            },
        };

        var issue = Assert.Single(new GraphValidator(Catalog).Validate(WorkflowDefinition.Empty("Check") with { Nodes = [node] }));

        Assert.Equal(("below-minimum", "rateLimit"), (issue.Code, issue.Property));
        Assert.Contains("'Requests per second' is 0; it must be at least 1", issue.Message);
    }

    [Theory]
    [InlineData("*/5 * * * *", "every 5 min")]
    [InlineData("0 * * * *", "every hour")]
    [InlineData("0 */6 * * *", "every 6 h")]
    [InlineData("30 8 * * *", "daily at 08:30")]
    [InlineData("0 8 * * 1-5", "cron 0 8 * * 1-5")]
    [InlineData("nonsense", "cron nonsense")]
    public void CronText_DescribesCommonSchedules(string cron, string expected) => Assert.Equal(expected, Core.CronText.Describe(cron));
}
