using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Acornima.Ast;
using FlowDesigner.Model.Descriptors;
using FlowDesigner.Model.Execution;
using FlowDesigner.Model.Expressions;
using Jint;
using Jint.Native;
using Jint.Native.Object;
using Jint.Runtime;
using Jint.Runtime.Descriptors;
using Jint.Runtime.Interop;
using JsEngine = Jint.Engine;

namespace FlowDesigner.Engine.Expressions;

/// <summary>
/// Evaluates <c>{{ }}</c> expressions and code-node scripts with Jint in a sandbox: strict mode, no access to .NET,
/// a time limit, a memory limit and a recursion limit. Parsed scripts are cached, so each distinct expression is
/// parsed once per process.
/// </summary>
public sealed class ExpressionEvaluator(ExpressionLimits limits)
{
    // Texts come from published versions and from the designer's checks while someone types: past this many,
    // a cache starts afresh rather than grow without end.
    private const int MostCached = 10_000;

    private readonly ConcurrentDictionary<string, Prepared<Script>> _scripts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ExpressionTemplate> _templates = new(StringComparer.Ordinal);
    private readonly ConditionalWeakTable<IReadOnlyDictionary<string, JsonElement>, SettingTemplate> _settings = new();

    /// <summary>Resolves every expression in a node's settings.</summary>
    /// <param name="type">The node's type, whose JSON settings may be written as JSON text with expressions.</param>
    /// <exception cref="ExpressionException">An expression failed; the message names the node and property.</exception>
    public IReadOnlyDictionary<string, JsonElement> Resolve(
        IReadOnlyDictionary<string, JsonElement> config, ExpressionScope scope, string nodeName, NodeTypeDescriptor? type = null)
    {
        // A node's settings are the same object for every step of a published version: they are read once.
        if (!_settings.TryGetValue(config, out var settings))
        {
            var json = type?.Properties.Where(p => p.Editor == PropertyEditor.Json).Select(p => p.Name).ToHashSet(StringComparer.Ordinal) ?? [];
            settings = SettingTemplate.OfSettings(config, json);
            _settings.AddOrUpdate(config, settings);
        }

        if (settings.Members is not { } members)
        {
            return config;
        }

        var engine = new LazyEngine(this, scope);
        var resolved = new Dictionary<string, JsonElement>(members.Count);
        foreach (var (name, value) in members)
        {
            resolved[name] = ResolveValue(engine, value, nodeName);
        }

        return resolved;
    }

    /// <summary>Evaluates one text as a node setting would be (typed when it is a single expression).</summary>
    public JsonElement Evaluate(string text, ExpressionScope scope, string nodeName, string property) =>
        ResolveValue(new LazyEngine(this, scope), SettingTemplate.Of(JsonSerializer.SerializeToElement(text), property), nodeName);

    /// <summary>Runs a code node's script as the body of a function and returns what it returns.</summary>
    public JsonElement RunCode(string code, ExpressionScope scope, string nodeName)
    {
        var engine = CreateEngine(scope);
        var script = Prepare($"(function () {{\n{code}\n}})()", nodeName, "code");
        try
        {
            return ToJson(engine, engine.Evaluate(script));
        }
        catch (Exception exception) when (IsScriptFailure(exception))
        {
            throw new ExpressionException($"'{nodeName}': the code failed: {Describe(exception)}", exception);
        }
    }

    /// <summary>What is wrong with the expressions of a text as written (an unclosed <c>{{</c>, invalid JavaScript), or null.</summary>
    public string? FindSyntaxError(string text)
    {
        try
        {
            foreach (var (isExpression, part) in ExpressionTemplate.Parse(text).Parts)
            {
                if (isExpression)
                {
                    Prepare(part, "", "");
                }
            }

            return null;
        }
        catch (FormatException exception)
        {
            return exception.Message;
        }
        catch (ExpressionException exception)
        {
            return exception.InnerException is { } reason ? ParseProblem(reason) : exception.Message;
        }
    }

    private JsonElement ResolveValue(LazyEngine engine, SettingTemplate setting, string nodeName)
    {
        if (setting.Text is { } text)
        {
            return ResolveText(engine, text, nodeName, setting.Property);
        }

        if (setting.Json is { } json)
        {
            return ResolveJson(engine, json, nodeName, setting.Property);
        }

        if (setting.Members is null && setting.Items is null)
        {
            return setting.Value;
        }

        return WrittenJson.Element(
            (Owner: this, Engine: engine, Setting: setting, NodeName: nodeName),
            static (writer, s) => s.Owner.WriteResolved(writer, s.Engine, s.Setting, s.NodeName));
    }

    /// <summary>An object or array of the setting, each of its values resolved.</summary>
    private void WriteResolved(Utf8JsonWriter writer, LazyEngine engine, SettingTemplate setting, string nodeName)
    {
        if (setting.Members is { } members)
        {
            writer.WriteStartObject();
            foreach (var (name, value) in members)
            {
                writer.WritePropertyName(name);
                ResolveValue(engine, value, nodeName).WriteTo(writer);
            }

            writer.WriteEndObject();
            return;
        }

        writer.WriteStartArray();
        foreach (var item in setting.Items!)
        {
            ResolveValue(engine, item, nodeName).WriteTo(writer);
        }

        writer.WriteEndArray();
    }

    private JsonElement ResolveText(LazyEngine engine, string text, string nodeName, string property)
    {
        if (!_templates.TryGetValue(text, out var template))
        {
            try
            {
                template = ExpressionTemplate.Parse(text);
            }
            catch (FormatException exception)
            {
                throw new ExpressionException($"'{nodeName}' › {property}: {exception.Message}", exception);
            }

            Remember(_templates, text, template);
        }

        if (template.IsSingleExpression)
        {
            return ValueOf(engine, template.Parts[0].Text, nodeName, property);
        }

        var builder = new System.Text.StringBuilder();
        foreach (var (isExpression, part) in template.Parts)
        {
            builder.Append(isExpression ? TextOf(engine, part, nodeName, property) : part);
        }

        return JsonSerializer.SerializeToElement(builder.ToString());
    }

    /// <summary>A JSON text with expressions: each standing as a value becomes its result's JSON, each inside a string its text, escaped.</summary>
    private JsonElement ResolveJson(LazyEngine engine, JsonTemplate template, string nodeName, string property)
    {
        var json = new System.Text.StringBuilder();
        foreach (var part in template.Parts)
        {
            json.Append(!part.IsExpression ? part.Text
                : part.InString ? JsonEncodedText.Encode(TextOf(engine, part.Text, nodeName, property), RelaxedJson).Value
                : ValueOf(engine, part.Text, nodeName, property).GetRawText());
        }

        try
        {
            using var document = JsonDocument.Parse(json.ToString());
            return document.RootElement.Clone();
        }
        catch (JsonException exception)
        {
            throw new ExpressionException($"'{nodeName}' › {property}: with its expressions put in, this is not valid JSON: {exception.Message}", exception);
        }
    }

    private static readonly System.Text.Encodings.Web.JavaScriptEncoder RelaxedJson = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    /// <summary>One expression's result as JSON, its type kept.</summary>
    private JsonElement ValueOf(LazyEngine engine, string expression, string nodeName, string property)
    {
        if (PathExpression.TryReadAny(expression, engine.Scope, out var read))
        {
            return read.ValueKind == JsonValueKind.Undefined ? JsonSerializer.SerializeToElement<object?>(null) : read;
        }

        return ToJson(engine.Value, Run(engine.Value, expression, nodeName, property));
    }

    private string TextOf(LazyEngine engine, string expression, string nodeName, string property) =>
        PathExpression.TryReadAny(expression, engine.Scope, out var read) && PathExpression.AsText(read) is { } text
            ? text
            : AsText(engine.Value, Run(engine.Value, expression, nodeName, property));

    private JsValue Run(JsEngine engine, string expression, string nodeName, string property)
    {
        var script = Prepare(expression, nodeName, property);
        try
        {
            return engine.Evaluate(script);
        }
        catch (Exception exception) when (IsScriptFailure(exception))
        {
            throw new ExpressionException($"'{nodeName}' › {property}: {{{{ {expression} }}}} failed: {Describe(exception)}", exception);
        }
    }

    private Prepared<Script> Prepare(string source, string nodeName, string property)
    {
        if (_scripts.TryGetValue(source, out var cached))
        {
            return cached;
        }

        try
        {
            var script = JsEngine.PrepareScript(source, strict: true);
            Remember(_scripts, source, script);
            return script;
        }
        catch (Exception exception) when (exception is ScriptPreparationException or Acornima.SyntaxErrorException or Jint.Runtime.JavaScriptException or ArgumentException)
        {
            // Jint wraps the parser's error; the parser's own message says what is wrong and where.
            var reason = exception is ScriptPreparationException { InnerException: { } parse } ? parse : exception;
            throw new ExpressionException($"'{nodeName}' › {property}: {{{{ {source} }}}} is not valid JavaScript: {ParseProblem(reason)}", reason);
        }
    }

    /// <summary>The parser's message, with the position as a line and column (it names the source "&lt;anonymous&gt;").</summary>
    private static string ParseProblem(Exception reason) => reason.Message.Replace("<anonymous>:", "line ", StringComparison.Ordinal);

    private static void Remember<T>(ConcurrentDictionary<string, T> cache, string text, T value)
    {
        if (cache.Count >= MostCached)
        {
            cache.Clear();
        }

        cache[text] = value;
    }

    private JsEngine CreateEngine(ExpressionScope scope)
    {
        var engine = new JsEngine(options => options
            .Strict()
            .TimeoutInterval(limits.TimeLimit)
            .LimitMemory(limits.MemoryBytes)
            .LimitRecursion(limits.RecursionDepth));

        // Each name is turned into script values when first read: a step output or payload nobody reads costs nothing.
        Define(engine, "trigger", () => FromJson(engine, scope.Trigger));
        Define(engine, "steps", () => LazyObject(engine, scope.Steps));
        Define(engine, "run", () => FromJson(engine, scope.Run));
        Define(engine, "env", () => FromJson(engine, JsonSerializer.SerializeToElement(scope.Env)));
        Define(engine, "item", () => scope.Item is { } item ? FromJson(engine, item) : JsValue.Undefined);
        Define(engine, "index", () => scope.Index is { } index ? new JsNumber(index) : JsValue.Undefined);
        Define(engine, "input", () => scope.Input is { } input ? FromJson(engine, input) : JsValue.Undefined);
        return engine;
    }

    private static void Define(JsEngine engine, string name, Func<JsValue> create) => DefineLazy(engine, engine.Global, name, create);

    /// <summary>An object of the values by name, each turned into a script value when first read.</summary>
    private static ObjectInstance LazyObject(JsEngine engine, IReadOnlyDictionary<string, JsonElement> values)
    {
        var target = new JsObject(engine);
        foreach (var name in values.Keys)
        {
            DefineLazy(engine, target, name, () => FromJson(engine, values[name]));
        }

        return target;
    }

    private static void DefineLazy(JsEngine engine, ObjectInstance target, string name, Func<JsValue> create)
    {
        JsValue? value = null;
        var getter = new ClrFunction(engine, name, (_, _) => value ??= create());
        target.FastSetProperty(name, new GetSetPropertyDescriptor(getter, JsValue.Undefined, enumerable: true, configurable: false));
    }

    /// <summary>The script engine of one resolution, created only if some expression needs more than a path.</summary>
    private sealed class LazyEngine(ExpressionEvaluator owner, ExpressionScope scope)
    {
        private JsEngine? _engine;

        public ExpressionScope Scope => scope;

        public JsEngine Value => _engine ??= owner.CreateEngine(scope);
    }

    private static JsValue FromJson(JsEngine engine, JsonElement value) => ScriptValues.From(engine, value);

    private static JsonElement ToJson(JsEngine engine, JsValue value)
    {
        if (value.IsUndefined())
        {
            return JsonSerializer.SerializeToElement<object?>(null);
        }

        var json = new Jint.Native.Json.JsonSerializer(engine).Serialize(value);
        return json.IsUndefined() ? JsonSerializer.SerializeToElement<object?>(null) : JsonDocument.Parse(json.AsString()).RootElement.Clone();
    }

    private static string AsText(JsEngine engine, JsValue value) => value switch
    {
        _ when value.IsNull() || value.IsUndefined() => "",
        JsString text => text.ToString(),
        ObjectInstance => ToJson(engine, value).GetRawText(),
        _ => value.ToString(),
    };

    private static bool IsScriptFailure(Exception exception) => exception is JavaScriptException or TimeoutException
        or MemoryLimitExceededException or RecursionDepthOverflowException or StatementsCountOverflowException
        or ExecutionCanceledException or InvalidOperationException or JintException;

    private string Describe(Exception exception) => exception switch
    {
        TimeoutException => $"it ran longer than {limits.TimeLimit.TotalMilliseconds:0} ms and was stopped (an endless loop?)",
        MemoryLimitExceededException => $"it used more than {limits.MemoryBytes / 1024 / 1024} MB of memory and was stopped",
        RecursionDepthOverflowException => $"it called itself more than {limits.RecursionDepth} levels deep and was stopped",
        _ => exception.Message,
    };
}
