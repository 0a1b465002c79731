using System.Text.Json;
using FlowDesigner.Engine.Expressions;
using FlowDesigner.Model.Definitions;
using FlowDesigner.Model.Descriptors;
using FlowDesigner.Model.Expressions;
using FlowDesigner.Model.Validation;
using Microsoft.AspNetCore.Components;

namespace FlowDesigner.Web.Components.Designer;

/// <summary>
/// The settings of the selected node, as a form generated from its descriptor: each editor kind, defaults, help,
/// required markers, fields shown only while another holds a value, and expression fields that say what is in
/// scope and what is wrong with what was typed. Retry and timeout are on a tab of their own, and so is the node's
/// input and output in the last test run.
/// </summary>
public sealed partial class PropertyPanel
{
    private readonly Dictionary<string, string> _typingErrors = new(StringComparer.Ordinal);
    private string? _nameError;
    private string? _shownNodeId;

    /// <summary>The node edited. Required.</summary>
    [Parameter]
    public NodeDefinition Node { get; set; } = default!;

    /// <summary>The node's type; null for a type this installation does not know.</summary>
    [Parameter]
    public NodeTypeDescriptor? Type { get; set; }

    /// <summary>The node's validation issues, shown on the fields they concern.</summary>
    [Parameter]
    public IReadOnlyList<ValidationIssue> Issues { get; set; } = [];

    /// <summary>The names the node's expressions can read (<c>trigger</c>, earlier steps).</summary>
    [Parameter]
    public IReadOnlyList<string> InScope { get; set; } = [];

    /// <summary>Where the workflow's trigger keeps the event's data (<c>body</c> under a webhook); hints follow it. Default null (the output is the data).</summary>
    [Parameter]
    public string? TriggerDataPath { get; set; }

    /// <summary>The lists settings offer while typing, by <see cref="SuggestionLists"/> name. Default none.</summary>
    [Parameter]
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Suggestions { get; set; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>The names other nodes have, which this one may not take.</summary>
    [Parameter]
    public IReadOnlyCollection<string> TakenNames { get; set; } = [];

    /// <summary>The node's steps in the last test run; none when there was no test run.</summary>
    [Parameter]
    public IReadOnlyList<FlowDesigner.Model.Runs.StepRecord>? TestResult { get; set; }

    /// <summary>The steps before the node, whose output fields can be mapped into its settings. Default none.</summary>
    [Parameter]
    public IReadOnlyList<FlowDesigner.Web.Designing.MappingSource> InputSources { get; set; } = [];

    /// <summary>Called with the node as changed.</summary>
    [Parameter]
    public EventCallback<NodeDefinition> OnChange { get; set; }

    [Inject]
    private ExpressionEvaluator Expressions { get; set; } = default!;

    private IEnumerable<PropertyDescriptor> VisibleProperties =>
        Type is null ? [] : Type.Properties.Where(p => PropertyValues.IsVisible(Type, Node, p));

    private RetryPolicy Retry => Node.Retry ?? Type?.DefaultRetry ?? RetryPolicy.None;

    protected override void OnParametersSet()
    {
        if (_shownNodeId != Node.Id)
        {
            _shownNodeId = Node.Id;
            _typingErrors.Clear();
            _nameError = null;
        }
    }

    private static string Pretty(string json)
    {
        try
        {
            using var parsed = JsonDocument.Parse(json);
            return JsonSerializer.Serialize(parsed.RootElement, PrettyJson);
        }
        catch (JsonException)
        {
            return json;
        }
    }

    private static readonly JsonSerializerOptions PrettyJson = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string LabelOf(PropertyDescriptor property) => property.Required ? property.Label + " *" : property.Label;

    private static int LinesOf(PropertyDescriptor property) => property.Editor switch
    {
        PropertyEditor.Multiline => 3,
        PropertyEditor.Json => 5,
        PropertyEditor.Code => 8,
        _ => 1,
    };

    private static bool IsCode(PropertyDescriptor property) => property.Editor is PropertyEditor.Code or PropertyEditor.Json;

    private string TextOf(PropertyDescriptor property) => PropertyText.Show(PropertyValues.Effective(Node, property), property.Editor);

    private bool BoolOf(PropertyDescriptor property) => PropertyValues.Effective(Node, property) is { ValueKind: JsonValueKind.True };

    /// <summary>What was typed wrong, else the validator's word on the field.</summary>
    private string? ErrorOf(PropertyDescriptor property) =>
        _typingErrors.GetValueOrDefault(property.Name)
        ?? Issues.FirstOrDefault(i => i.Property == property.Name || i.Property?.StartsWith(property.Name + ".", StringComparison.Ordinal) == true)?.Message;

    private string? HelpOf(PropertyDescriptor property)
    {
        var help = Hint(property.Help);
        if (!property.AllowsExpressions || !TextOf(property).Contains("{{", StringComparison.Ordinal))
        {
            return help;
        }

        var scope = "In scope: " + string.Join(", ", InScope);
        return help is null ? scope : $"{help} {scope}";
    }

    private IEnumerable<string> SuggestionsFor(string list, string? typed) =>
        Suggestions.GetValueOrDefault(list, []).Where(s => string.IsNullOrWhiteSpace(typed) || s.Contains(typed.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The help, or a warning when the value is none of the list's (an event no published workflow emits).</summary>
    private string? SuggestionHelp(PropertyDescriptor property, string list)
    {
        var value = TextOf(property).Trim();
        if (value.Length == 0 || !Suggestions.TryGetValue(list, out var known) || known.Contains(value, StringComparer.Ordinal))
        {
            return Hint(property.Help);
        }

        return list == SuggestionLists.EmittedEvents
            ? $"No published workflow emits '{value}' yet: this trigger waits until one does."
            : Hint(property.Help);
    }

    /// <summary>A placeholder or help text as this workflow's trigger reads the event's data.</summary>
    private string? Hint(string? text) => TriggerHints.For(text, TriggerDataPath);

    private Task RenameAsync(string? name)
    {
        var wanted = (name ?? "").Trim();
        _nameError = wanted.Length == 0 ? "A node needs a name; expressions read its output by it."
            : wanted.Length > DefinitionLimits.MaxNodeNameLength ? $"A node's name may be at most {DefinitionLimits.MaxNodeNameLength} characters; this one has {wanted.Length}."
            : TakenNames.Contains(wanted, StringComparer.OrdinalIgnoreCase) ? $"Another node is called '{wanted}'. Names must differ."
            : null;
        return _nameError is null ? OnChange.InvokeAsync(Node with { Name = wanted }) : Task.CompletedTask;
    }

    private Task SetAsync(PropertyDescriptor property, bool value) => SetValueAsync(property, JsonSerializer.SerializeToElement(value));

    private Task SetTextAsync(PropertyDescriptor property, string? text)
    {
        var (value, error) = PropertyText.Read(text, property.Editor);
        error ??= property.AllowsExpressions && text is not null && text.Contains("{{", StringComparison.Ordinal) ? Expressions.FindSyntaxError(text) : null;
        if (error is not null && value is null)
        {
            _typingErrors[property.Name] = error;
            return Task.CompletedTask;
        }

        if (error is not null)
        {
            _typingErrors[property.Name] = error; // kept as typed, so it can be mended
        }
        else
        {
            _typingErrors.Remove(property.Name);
        }

        return SetValueAsync(property, value);
    }

    private Task SetValueAsync(PropertyDescriptor property, JsonElement? value)
    {
        var config = Node.Config.ToDictionary(p => p.Key, p => p.Value);
        if (value is { } set)
        {
            config[property.Name] = set;
        }
        else
        {
            config.Remove(property.Name);
        }

        return OnChange.InvokeAsync(Node with { Config = config });
    }

    private string? CredentialError => Issues.FirstOrDefault(i => i.Property == "credential")?.Message;

    private Task SetCredentialAsync(string? id) => OnChange.InvokeAsync(Node with { Credential = id });

    private Task SetRetryAsync(RetryPolicy retry) => OnChange.InvokeAsync(Node with { Retry = retry });

    private Task SetTimeoutAsync(int seconds) => OnChange.InvokeAsync(Node with { TimeoutSeconds = Math.Clamp(seconds, 1, 3600) });
}
