using System.Text.Json;
using Bunit;
using FlowDesigner.Engine.Expressions;
using FlowDesigner.Model.Definitions;
using FlowDesigner.Model.Descriptors;
using FlowDesigner.Model.Validation;
using FlowDesigner.Web.Components.Designer;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace FlowDesigner.Web.Tests;

public sealed class PropertyPanelTests : IAsyncLifetime
{
    private static readonly NodeTypeDescriptor Type = new("test.every", "Every editor", NodeKind.Action, "Test")
    {
        Properties =
        [
            Property.Text("url", "URL") with { Required = true, Help = "Where to send it.", Placeholder = "https://shop.test/orders/{{ trigger.order.id }}" },
            Property.Multiline("note", "Note"),
            Property.Number("count", "Count"),
            Property.Bool("enabled", "Enabled"),
            Property.Select("auth", "Authentication", ("none", "None"), ("key", "API key")).WithDefault("none"),
            Property.Text("apiKey", "API key") with { VisibleWhen = VisibleWhen.Is("auth", "key") },
            Property.Json("body", "Body"),
            Property.Code("code", "Script"),
            Property.KeyValue("headers", "Headers"),
            Property.Text("eventName", "Event name") with { AllowsExpressions = false, Suggestions = SuggestionLists.EmittedEvents },
        ],
    };

    private readonly BunitContext _context = new();
    private NodeDefinition? _changed;

    public Task InitializeAsync()
    {
        _context.JSInterop.Mode = JSRuntimeMode.Loose;
        _context.Services.AddMudServices();
        _context.Services.AddSingleton(new ExpressionEvaluator(new ExpressionLimits()));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _context.DisposeAsync();

    [Fact]
    public void Panel_ShowsAnEditorForEveryKind_WithRequiredMarkersAndHelp_AndHidesWhatIsNotVisible()
    {
        var panel = Render(Node(new { headers = new { Accept = "application/json" } }));

        var shown = panel.FindAll("[data-property]").Select(e => e.GetAttribute("data-property")).ToList();
        Assert.Equal(["url", "note", "count", "enabled", "auth", "body", "code", "headers", "eventName"], shown);
        Assert.Contains("URL *", panel.Find("[data-property=url]").TextContent);
        Assert.Contains("Where to send it.", panel.Find("[data-property=url]").TextContent);
        Assert.NotEmpty(panel.FindAll("[data-property=note] textarea"));
        Assert.NotEmpty(panel.FindAll("[data-property=enabled] input[type=checkbox]"));
        Assert.Contains("Authentication", panel.Find("[data-property=auth]").TextContent);
        Assert.Equal(2, panel.FindAll("[data-property=headers] .fd-keyvalue-row input").Count);
    }

    [Fact]
    public void Panel_ShowsAFieldOnlyWhileItsConditionHolds()
    {
        var panel = Render(Node(new { auth = "key" }));

        Assert.NotEmpty(panel.FindAll("[data-property=apiKey]"));
    }

    [Fact]
    public void Panel_MarksTheFieldsTheValidatorNamed()
    {
        var issue = new ValidationIssue("required-property", "'Call' needs a value for 'URL'.", IssueKind.Incomplete) { NodeId = "n1", Property = "url" };

        var panel = Render(Node(new { }), [issue]);

        Assert.Contains("needs a value for 'URL'", panel.Find("[data-property=url]").TextContent);
        Assert.NotEmpty(panel.FindAll("[data-property=url] .mud-input-error"));
    }

    [Fact]
    public void TypedValues_AreStoredWithTheirJsonType_AndBadOnesAreRefusedWithAReason()
    {
        var panel = Render(Node(new { }));

        panel.Find("[data-property=count] input").Change("42");
        Assert.Equal(JsonValueKind.Number, _changed!.Config["count"].ValueKind);

        panel.Find("[data-property=body] textarea").Change("{ \"sku\": ");
        panel.WaitForAssertion(() => Assert.Contains("not valid JSON", panel.Find("[data-property=body]").TextContent));
        Assert.Equal("{ \"sku\": ", _changed.Config["body"].GetString()); // kept as typed, to be mended; publishing names it

        panel.Find("[data-property=body] textarea").Change("{ \"ok\": true, \"upstream\": {{ steps[\"Call\"].status }} }");
        panel.WaitForAssertion(() => Assert.DoesNotContain("not valid JSON", panel.Find("[data-property=body]").TextContent));
        Assert.Equal(JsonValueKind.String, _changed.Config["body"].ValueKind);

        panel.Find("[data-property=url] input").Change("{{ trigger.body.url ");
        panel.WaitForAssertion(() => Assert.Contains("no closing", panel.Find("[data-property=url]").TextContent, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void ExpressionFields_SayWhatIsInScope()
    {
        var panel = Render(Node(new { url = "{{ steps['Map order'].url }}" }), inScope: ["trigger", "steps['Map order']"]);

        Assert.Contains("In scope: trigger, steps['Map order']", panel.Find("[data-property=url]").TextContent);
    }

    [Theory]
    [InlineData("body", "https://shop.test/orders/{{ trigger.body.order.id }}")]
    [InlineData(null, "https://shop.test/orders/{{ trigger.order.id }}")]
    public void Placeholders_ReadTheEventsData_WhereTheTriggerKeepsIt(string? dataPath, string placeholder)
    {
        var panel = Render(Node(new { }), triggerDataPath: dataPath);

        Assert.Equal(placeholder, panel.Find("[data-property=url] input").GetAttribute("placeholder"));
    }

    [Fact]
    public void SuggestedSetting_WarnsWhenTheValueIsNoneOfTheList()
    {
        var suggestions = new Dictionary<string, IReadOnlyList<string>> { [SuggestionLists.EmittedEvents] = ["order.created"] };

        var known = Render(Node(new { eventName = "order.created" }), suggestions: suggestions);
        var unknown = Render(Node(new { eventName = "order.shipped" }), suggestions: suggestions);

        Assert.DoesNotContain("No published workflow emits", known.Find("[data-property=eventName]").TextContent);
        Assert.Contains("No published workflow emits 'order.shipped' yet", unknown.Find("[data-property=eventName]").TextContent);
    }

    private IRenderedComponent<PropertyPanel> Render(
        NodeDefinition node,
        IReadOnlyList<ValidationIssue>? issues = null,
        IReadOnlyList<string>? inScope = null,
        string? triggerDataPath = null,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? suggestions = null) =>
        _context.Render<PropertyPanel>(p => p
            .Add(c => c.Node, node)
            .Add(c => c.Suggestions, suggestions ?? new Dictionary<string, IReadOnlyList<string>>())
            .Add(c => c.TriggerDataPath, triggerDataPath)
            .Add(c => c.Type, Type)
            .Add(c => c.Issues, issues ?? [])
            .Add(c => c.InScope, inScope ?? ["trigger"])
            .Add(c => c.OnChange, changed => _changed = changed));

    private static NodeDefinition Node(object config) => new("n1", Type.Key, "Call")
    {
        Config = JsonSerializer.SerializeToElement(config).EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone()),
    };
}
