using System.Text.Json;
using FlowDesigner.Model.Definitions;
using FlowDesigner.Model.Descriptors;
using FlowDesigner.Model.Validation;

namespace FlowDesigner.Model.Tests;

public sealed class PropertyValuesTests
{
    private static readonly NodeTypeDescriptor Type = new("t.x", "X", NodeKind.Action, "T")
    {
        Properties =
        [
            Property.Select("mode", "Mode", ("a", "A"), ("b", "B")),
            Property.Bool("advanced", "Advanced").WithDefault(false) with { VisibleWhen = VisibleWhen.Is("mode", "b") },
            Property.Number("limit", "Limit") with { VisibleWhen = VisibleWhen.Is("advanced", "true") },
        ],
    };

    [Theory]
    [InlineData("""{ "mode": "a", "advanced": true }""", false)]
    [InlineData("""{ "mode": "b", "advanced": false }""", false)]
    [InlineData("""{ "mode": "b", "advanced": true }""", true)]
    public void IsVisible_FollowsAChainOfRules(string config, bool limitVisible)
    {
        var node = new NodeDefinition("n", "t.x", "N")
        {
            Config = JsonDocument.Parse(config).RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone()),
        };

        Assert.Equal(limitVisible, PropertyValues.IsVisible(Type, node, Type.FindProperty("limit")!));
    }

    [Fact]
    public void Effective_FallsBackToTheDefault()
    {
        var node = Type.CreateNode("n", "N", Position.Origin) with { Config = new Dictionary<string, JsonElement>() };

        Assert.Equal("a", PropertyValues.AsText(PropertyValues.Effective(node, Type.FindProperty("mode")!)));
    }

    [Theory]
    [InlineData("null", false)]
    [InlineData("\"  \"", false)]
    [InlineData("[]", false)]
    [InlineData("{}", false)]
    [InlineData("false", true)]
    [InlineData("0", true)]
    [InlineData("\"x\"", true)]
    public void IsSet_CountsBlankValuesAsMissing(string json, bool expected) =>
        Assert.Equal(expected, PropertyValues.IsSet(JsonDocument.Parse(json).RootElement.Clone()));
}
