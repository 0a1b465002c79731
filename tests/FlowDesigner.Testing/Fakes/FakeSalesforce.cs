using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace FlowDesigner.Testing.Fakes;

/// <summary>
/// A Salesforce org as its REST API documents it: the OAuth token endpoint (client credentials and username-password,
/// form body only, <c>instance_url</c> pointing here), sObject create/update/upsert/get, SOQL paged through a server-side
/// cursor, error arrays, <c>Sforce-Limit-Info</c> on every answer, and 401 <c>INVALID_SESSION_ID</c> for an unknown token.
/// </summary>
public sealed partial class FakeSalesforce : FakeVendor
{
    public const string ClientId = "3MVG9-test-consumer-key";
    public const string ClientSecret = "sf-consumer-secret-5d1c";
    public const string Username = "integration@example.com";
    public const string Password = "sf-password-77";
    public const string SecurityToken = "sfTOKEN9";

    private readonly ConcurrentDictionary<string, bool> _tokens = new();
    private readonly ConcurrentDictionary<string, List<JsonObject>> _records = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, List<JsonObject>> _cursors = new();
    private int _nextId;
    private int _tokenRequests;

    /// <summary>How many records a SOQL page holds (Salesforce: up to 2000); small so that tests page.</summary>
    public int QueryPageSize { get; set; } = 2;

    /// <summary>How many times a token was asked for.</summary>
    public int TokenRequests => _tokenRequests;

    public static async Task<FakeSalesforce> StartNewAsync()
    {
        var fake = new FakeSalesforce();
        await fake.StartAsync();
        return fake;
    }

    /// <summary>Ends every session, as an org's session timeout does: the next call gets 401 INVALID_SESSION_ID.</summary>
    public void ExpireSessions() => _tokens.Clear();

    public IReadOnlyList<JsonObject> Records(string sObject)
    {
        var table = Table(sObject);
        lock (table)
        {
            return [.. table];
        }
    }

    public JsonObject Add(string sObject, JsonObject fields)
    {
        var record = (JsonObject)fields.DeepClone();
        record["Id"] = NewId(sObject);
        var table = Table(sObject);
        lock (table)
        {
            table.Add(record);
        }

        return record;
    }

    protected override void Map(WebApplication app)
    {
        app.MapPost("/services/oauth2/token", TokenAsync);
        app.Use(async (context, next) =>
        {
            context.Response.Headers["Sforce-Limit-Info"] = "api-usage=18/5000";
            if (!context.Request.Path.StartsWithSegments("/services/data"))
            {
                await next();
                return;
            }

            var token = context.Request.Headers.Authorization.ToString();
            if (!token.StartsWith("Bearer ", StringComparison.Ordinal) || !_tokens.ContainsKey(token[7..]))
            {
                await Errors(context, 401, "INVALID_SESSION_ID", "Session expired or invalid");
                return;
            }

            if (!await TryFailAsync(context))
            {
                await next();
            }
        });
        app.MapGet("/services/data/{version}/", (string version) => Results.Json(new { sobjects = $"/services/data/{version}/sobjects", query = $"/services/data/{version}/query" }));
        app.MapPost("/services/data/{version}/sobjects/{sObject}/", CreateAsync);
        app.MapPatch("/services/data/{version}/sobjects/{sObject}/{id}", UpdateAsync);
        app.MapPatch("/services/data/{version}/sobjects/{sObject}/{field}/{value}", UpsertAsync);
        app.MapGet("/services/data/{version}/sobjects/{sObject}/{id}", Get);
        app.MapGet("/services/data/{version}/query", Query);
        app.MapGet("/services/data/{version}/query/{locator}", NextPage);
    }

    public static Task Errors(HttpContext context, int status, string code, string message, params string[] fields)
    {
        context.Response.StatusCode = status;
        object error = fields.Length > 0 ? new { message, errorCode = code, fields } : new { message, errorCode = code };
        return context.Response.WriteAsJsonAsync(new[] { error });
    }

    private async Task TokenAsync(HttpContext context)
    {
        Interlocked.Increment(ref _tokenRequests);
        if (!context.Request.HasFormContentType)
        {
            context.Response.StatusCode = 400;
            await context.Response.WriteAsJsonAsync(new { error = "invalid_request", error_description = "must use application/x-www-form-urlencoded" });
            return;
        }

        var form = await context.Request.ReadFormAsync();
        if (form["client_id"] != ClientId || form["client_secret"] != ClientSecret)
        {
            context.Response.StatusCode = 400;
            await context.Response.WriteAsJsonAsync(new { error = "invalid_client_id", error_description = "client identifier invalid" });
            return;
        }

        var grant = form["grant_type"].ToString();
        var passwordOk = grant == "password" && form["username"] == Username && form["password"] == Password + SecurityToken;
        if (grant != "client_credentials" && !passwordOk)
        {
            context.Response.StatusCode = 400;
            await context.Response.WriteAsJsonAsync(new { error = "invalid_grant", error_description = "authentication failure" });
            return;
        }

        var token = $"00DS7000000oxzo!{Guid.NewGuid():N}";
        _tokens[token] = true;
        await context.Response.WriteAsJsonAsync(new
        {
            access_token = token,
            signature = "nUFHwtfIGLKDTHcLWmDBG8frv0t+HQGl/iCZFIQUarE=",
            token_format = "opaque",
            scope = "api",
            instance_url = Address.ToString().TrimEnd('/'),
            id = "https://login.salesforce.com/id/00Dd000000XXXXXXX/005d000000XXXXX",
            token_type = "Bearer",
            issued_at = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
    }

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
