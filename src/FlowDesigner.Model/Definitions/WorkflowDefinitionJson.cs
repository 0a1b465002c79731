using System.Text.Json;
using System.Text.Json.Serialization;

namespace FlowDesigner.Model.Definitions;

/// <summary>
/// Reads and writes the JSON form of a <see cref="WorkflowDefinition"/> (the export file and the stored draft).
/// Reading never throws on bad input: it reports each problem with its line, column and field.
/// </summary>
public static class WorkflowDefinitionJson
{
    private static readonly JsonSerializerOptions Compact = CreateOptions(indented: false);
    private static readonly JsonSerializerOptions Indented = CreateOptions(indented: true);

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
    };

    public static string Serialize(WorkflowDefinition definition, bool indented = false) =>
        JsonSerializer.Serialize(definition, indented ? Indented : Compact);

    public static DefinitionParseResult Parse(string json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return DefinitionParseResult.Failure(new DefinitionProblem("The file is empty: expected a workflow definition in JSON."));
        }

        using var document = TryParseDocument(json, out var syntaxProblem);
        if (document is null)
        {
            return DefinitionParseResult.Failure(syntaxProblem!);
        }

        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            return DefinitionParseResult.Failure(new DefinitionProblem(
                "Expected a JSON object with \"schema\", \"name\", \"nodes\" and \"edges\".", Line: 1, Column: 1));
        }

        if (CheckSchema(root) is { } schemaProblem)
        {
            return DefinitionParseResult.Failure(schemaProblem);
        }

        WorkflowDefinition? definition;
        try
        {
            definition = JsonSerializer.Deserialize<WorkflowDefinition>(json, Compact);
        }
        catch (JsonException exception)
        {
            return DefinitionParseResult.Failure(DescribeTypeError(exception));
        }

        var normalized = Normalize(definition!);
        var problems = DefinitionShapeCheck.FindProblems(normalized);
        return problems.Count == 0 ? DefinitionParseResult.Success(normalized) : DefinitionParseResult.Failure(problems);
    }

    private static JsonDocument? TryParseDocument(string json, out DefinitionProblem? problem)
    {
        try
        {
            problem = null;
            return JsonDocument.Parse(json, DocumentOptions);
        }
        catch (JsonException exception)
        {
            problem = new DefinitionProblem(
                "The file is not valid JSON: " + StripPosition(exception.Message),
                Line: (int)(exception.LineNumber ?? 0) + 1,
                Column: (int)(exception.BytePositionInLine ?? 0) + 1);
            return null;
        }
    }

    private static DefinitionProblem? CheckSchema(JsonElement root)
    {
        if (!root.TryGetProperty("schema", out var schema))
        {
            return new DefinitionProblem(
                $"\"schema\" is missing: a FlowDesigner workflow file starts with \"schema\": {WorkflowDefinition.CurrentSchema}.", "schema");
        }

        if (schema.ValueKind != JsonValueKind.Number || !schema.TryGetInt32(out var version) || version < 1)
        {
            return new DefinitionProblem("\"schema\" must be a whole number such as 1.", "schema");
        }

        return version > WorkflowDefinition.CurrentSchema
            ? new DefinitionProblem(
                $"This file was written by a newer FlowDesigner (schema {version}); this version reads schema {WorkflowDefinition.CurrentSchema}. Upgrade FlowDesigner to import it.",
                "schema")
            : null;
    }

    private static WorkflowDefinition Normalize(WorkflowDefinition definition) => definition with
    {
        Name = definition.Name ?? "",
        Nodes = (definition.Nodes ?? []).Select(n => n with
        {
            Config = n.Config ?? new Dictionary<string, JsonElement>(),
            Position = n.Position ?? Position.Origin,
        }).ToList(),
        Edges = definition.Edges ?? [],
        Notes = definition.Notes ?? [],
    };

    private static DefinitionProblem DescribeTypeError(JsonException exception)
    {
        var field = (exception.Path ?? "").TrimStart('$').TrimStart('.');
        var message = exception.Message.Contains("could not be mapped", StringComparison.Ordinal)
            ? $"\"{LastSegment(field)}\" is not a field of a workflow definition here. Check its spelling."
            : $"\"{LastSegment(field)}\" has the wrong type: expected {ExpectedValue(LastSegment(field))}.";
        return new DefinitionProblem(
            message,
            field,
            (int)(exception.LineNumber ?? 0) + 1,
            (int)(exception.BytePositionInLine ?? 0) + 1);
    }

    private static string LastSegment(string path)
    {
        var cut = path.LastIndexOf('.');
        return cut < 0 ? path : path[(cut + 1)..];
    }

    /// <summary>What a field of the definition holds, named as a person editing the file would say it.</summary>
    private static string ExpectedValue(string field) => field switch
    {
        "x" or "y" or "width" or "height" or "initialSeconds" => "a number",
        "schema" or "maxAttempts" or "timeoutSeconds" => "a whole number",
        "backoff" => "\"fixed\" or \"exponential\"",
        "nodes" or "edges" or "notes" => "a list in [ ]",
        "position" or "retry" or "config" => "an object in { }",
        _ when field.EndsWith(']') => "an object in { }",
        _ => "text in quotes",
    };

    private static string StripPosition(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut < 0 ? message : message[..cut]).Trim();
    }

    private static JsonSerializerOptions CreateOptions(bool indented)
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            WriteIndented = indented,
            AllowTrailingCommas = true,
            ReadCommentHandling = JsonCommentHandling.Skip,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
