using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace FlowDesigner.Testing.Fakes;

/// <summary>The fake org's sObject resources and SOQL: create, update, upsert by external id, get, and a paged query.</summary>
public sealed partial class FakeSalesforce
{
    private async Task CreateAsync(HttpContext context, string sObject)
    {
        if (await ReadBodyAsync(context) is not { } fields)
        {
            return;
        }

        if (fields.ContainsKey("Id"))
        {
            await Errors(context, 400, "INVALID_FIELD", "The Id field should not be specified in the sobject data.");
            return;
        }

        if (MissingRequired(sObject, fields) is { Length: > 0 } missing)
        {
            await Errors(context, 400, "REQUIRED_FIELD_MISSING", $"Required fields are missing: [{string.Join(", ", missing)}]", missing);
            return;
        }

        var record = Add(sObject, fields);
        context.Response.StatusCode = 201;
        await context.Response.WriteAsJsonAsync(new { id = record["Id"]!.GetValue<string>(), errors = Array.Empty<object>(), success = true });
    }

    private async Task UpdateAsync(HttpContext context, string sObject, string id)
    {
        if (await ReadBodyAsync(context) is not { } fields)
        {
            return;
        }

        if (Find(sObject, "Id", id) is not { } record)
        {
            await Errors(context, 404, "NOT_FOUND", "The requested resource does not exist");
            return;
        }

        Merge(record, fields);
        context.Response.StatusCode = 204;
    }

    private async Task UpsertAsync(HttpContext context, string sObject, string field, string value)
    {
        if (await ReadBodyAsync(context) is not { } fields)
        {
            return;
        }

        if (fields.ContainsKey("Id") || fields.ContainsKey(field))
        {
            await Errors(context, 400, "INVALID_FIELD", $"The {field} field should not be specified in the sobject data.");
            return;
        }

        if (!field.EndsWith("__c", StringComparison.Ordinal))
        {
            await Errors(context, 404, "NOT_FOUND", "The requested resource does not exist");
            return;
        }

        if (Find(sObject, field, value) is { } existing)
        {
            Merge(existing, fields);
            await context.Response.WriteAsJsonAsync(new { id = existing["Id"]!.GetValue<string>(), errors = Array.Empty<object>(), success = true, created = false });
            return;
        }

        fields[field] = value;
        if (MissingRequired(sObject, fields) is { Length: > 0 } missing)
        {
            await Errors(context, 400, "REQUIRED_FIELD_MISSING", $"Required fields are missing: [{string.Join(", ", missing)}]", missing);
            return;
        }

        var record = Add(sObject, fields);
        context.Response.StatusCode = 201;
        await context.Response.WriteAsJsonAsync(new { id = record["Id"]!.GetValue<string>(), errors = Array.Empty<object>(), success = true, created = true });
    }

    private IResult Get(HttpContext context, string version, string sObject, string id)
    {
        if (Find(sObject, "Id", id) is not { } record)
        {
            return Results.Json(new[] { new { message = "The requested resource does not exist", errorCode = "NOT_FOUND" } }, statusCode: 404);
        }

        var wanted = context.Request.Query["fields"].ToString();
        return Results.Json(WithAttributes(version, sObject, record, wanted.Length == 0 ? null : wanted.Split(',')));
    }

    private IResult Query(HttpContext context, string version)
    {
        var match = Soql().Match(context.Request.Query["q"].ToString());
        if (!match.Success)
        {
            return Results.Json(new[] { new { message = "unexpected token", errorCode = "MALFORMED_QUERY" } }, statusCode: 400);
        }

        var columns = match.Groups[1].Value.Split(',', StringSplitOptions.TrimEntries);
        var sObject = match.Groups[2].Value;
        var rows = Records(sObject)
            .Where(r => !match.Groups[3].Success || r[match.Groups[3].Value]?.ToString() == match.Groups[4].Value)
            .Select(r => WithAttributes(version, sObject, r, columns))
            .ToList();
        return Page(version, Guid.NewGuid().ToString("N")[..15], rows, 0);
    }

    private IResult NextPage(string version, string locator)
    {
        var dash = locator.LastIndexOf('-');
        return _cursors.TryGetValue(locator[..dash], out var rows) && int.TryParse(locator[(dash + 1)..], out var offset)
            ? Page(version, locator[..dash], rows, offset)
            : Results.Json(new[] { new { message = "invalid query locator", errorCode = "INVALID_QUERY_LOCATOR" } }, statusCode: 400);
    }

    private IResult Page(string version, string cursor, List<JsonObject> rows, int offset)
    {
        _cursors[cursor] = rows;
        var page = rows.Skip(offset).Take(QueryPageSize).ToList();
        var done = offset + page.Count >= rows.Count;
        var body = new JsonObject
        {
            ["totalSize"] = rows.Count,
            ["done"] = done,
            ["records"] = new JsonArray([.. page.Select(r => (JsonNode)r.DeepClone())]),
        };
        if (!done)
        {
            body["nextRecordsUrl"] = $"/services/data/{version}/query/{cursor}-{offset + page.Count}";
        }

        return Results.Json(body);
    }

    private async Task<JsonObject?> ReadBodyAsync(HttpContext context)
    {
        if (context.Request.ContentType?.StartsWith("application/json", StringComparison.Ordinal) != true)
        {
            await Errors(context, 415, "UNSUPPORTED_MEDIA_TYPE", "Content-Type must be application/json");
            return null;
        }

        try
        {
            return JsonNode.Parse(context.Request.Body) as JsonObject ?? throw new JsonException();
        }
        catch (JsonException)
        {
            await Errors(context, 400, "JSON_PARSER_ERROR", "Unexpected character: was expecting a JSON object");
            return null;
        }
    }

    private static string[] MissingRequired(string sObject, JsonObject fields)
    {
        string[] required = sObject switch
        {
            "Order" => ["AccountId", "EffectiveDate", "Status"],
            "Account" => ["Name"],
            _ => [],
        };
        return [.. required.Where(f => fields[f] is null || fields[f]!.ToString().Length == 0)];
    }

    private JsonObject? Find(string sObject, string field, string value)
    {
        lock (Table(sObject))
        {
            return Table(sObject).FirstOrDefault(r => r[field]?.ToString() == value);
        }
    }

    private static void Merge(JsonObject record, JsonObject fields)
    {
        foreach (var (name, value) in fields)
        {
            record[name] = value?.DeepClone();
        }
    }

    private static JsonObject WithAttributes(string version, string sObject, JsonObject record, string[]? fields)
    {
        var result = new JsonObject { ["attributes"] = new JsonObject { ["type"] = sObject, ["url"] = $"/services/data/{version}/sobjects/{sObject}/{record["Id"]}" } };
        foreach (var (name, value) in record.Where(p => fields is null || fields.Contains(p.Key, StringComparer.OrdinalIgnoreCase)))
        {
            result[name] = value?.DeepClone();
        }

        return result;
    }

    private List<JsonObject> Table(string sObject) => _records.GetOrAdd(sObject, _ => []);

    private string NewId(string sObject)
    {
        var prefix = sObject switch { "Account" => "001", "Order" => "801", _ => "a0X" };
        return $"{prefix}D0000000{Interlocked.Increment(ref _nextId):D4}AAA";
    }

    [GeneratedRegex(@"^SELECT\s+(.+?)\s+FROM\s+(\w+)(?:\s+WHERE\s+(\w+)\s*=\s*'([^']*)')?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Soql();
}
