using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace FlowDesigner.Testing.Fakes;

/// <summary>
/// A NetSuite account's REST web services as documented: every request must carry a token-based-authentication header
/// whose HMAC-SHA256 signature this fake recomputes on its own (OAuth parameters without realm, plus the query), with a
/// fresh nonce; sales orders are created with 204 and <c>Location</c>; SuiteQL needs <c>Prefer: transient</c>; errors have
/// <c>o:errorDetails</c>.
/// </summary>
public sealed partial class FakeNetSuite : FakeVendor
{
    public const string AccountId = "1234567_SB1";
    public const string ConsumerKey = "ck-test-consumer-key";
    public const string ConsumerSecret = "cs-test-consumer-secret";
    public const string TokenId = "tk-test-token-id";
    public const string TokenSecret = "ts-test-token-secret";

    /// <summary>Items NetSuite knows, by internal id.</summary>
    public static readonly string[] KnownItems = ["512", "513", "514"];

    private readonly OAuth1Verifier _signatures = new(ConsumerKey, ConsumerSecret, TokenId, TokenSecret, AccountId);
    private readonly ConcurrentDictionary<string, JsonObject> _salesOrders = new();
    private int _nextId = 9876;

    /// <summary>Why the last refused signature was refused, for a test that wants to know.</summary>
    public string? LastRefusal { get; private set; }

    public static async Task<FakeNetSuite> StartNewAsync()
    {
        var fake = new FakeNetSuite();
        await fake.StartAsync();
        return fake;
    }

    public IReadOnlyList<JsonObject> SalesOrders => [.. _salesOrders.Values];

    /// <summary>Answers the next request 429, as NetSuite does over the account's concurrency limit.</summary>
    public void TooManyRequestsNext() => FailNext(context =>
        Error(context, 429, "Too Many Requests", "CONCURRENCY_LIMIT_EXCEEDED", "Concurrent request limit exceeded. Request blocked."));

    protected override void Map(WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (_signatures.Refusal(context.Request) is { } refusal)
            {
                LastRefusal = refusal;
                await Error(context, 401, "Unauthorized", "INVALID_LOGIN",
                    "Invalid login attempt. For more details, see the Login Audit Trail in the NetSuite UI at Setup > Users/Roles > User Management > View Login Audit Trail.");
                return;
            }

            if (!await TryFailAsync(context))
            {
                await next();
            }
        });
        app.MapPost("/services/rest/record/v1/salesOrder", CreateAsync);
        app.MapGet("/services/rest/record/v1/salesOrder/{id}", Get);
        app.MapPost("/services/rest/query/v1/suiteql", QueryAsync);
    }

    public static Task Error(HttpContext context, int status, string title, string code, string detail, string? path = null)
    {
        context.Response.StatusCode = status;
        var error = new JsonObject { ["detail"] = detail, ["o:errorCode"] = code };
        if (path is not null)
        {
            error["o:errorPath"] = path;
        }

        return context.Response.WriteAsJsonAsync(new JsonObject
        {
            ["type"] = "https://www.w3.org/Protocols/rfc2616/rfc2616-sec10.html",
            ["title"] = title,
            ["status"] = status,
            ["o:errorDetails"] = new JsonArray(error),
        });
    }

    private async Task CreateAsync(HttpContext context)
    {
        if (await JsonNode.ParseAsync(context.Request.Body) is not JsonObject order || order["entity"]?["id"] is null)
        {
            await Error(context, 400, "Bad Request", "USER_ERROR", "Please enter value(s) for: Customer", "entity");
            return;
        }

        var items = order["item"]?["items"]?.AsArray() ?? [];
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i]?["item"]?["id"]?.ToString();
            if (!KnownItems.Contains(item))
            {
                await Error(context, 400, "Bad Request", "INVALID_CONTENT",
                    $"Error while accessing resource: You have entered an Invalid Field Value {item} for the following field: item", $"item.items[{i}].item");
                return;
            }
        }

        var id = Interlocked.Increment(ref _nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);
        order["id"] = id;
        order["tranId"] = $"SO{id}";
        _salesOrders[id] = order;
        context.Response.StatusCode = 204;
        context.Response.Headers.Location = Url($"/services/rest/record/v1/salesOrder/{id}");
    }

    private IResult Get(string id)
    {
        if (!_salesOrders.TryGetValue(id, out var order))
        {
            return Results.Json(new JsonObject
            {
                ["type"] = "https://www.w3.org/Protocols/rfc2616/rfc2616-sec10.html#sec10.4.5",
                ["title"] = "Not Found",
                ["status"] = 404,
                ["o:errorDetails"] = new JsonArray(new JsonObject { ["detail"] = $"The record instance does not exist. Provide a valid record instance ID.", ["o:errorCode"] = "NONEXISTENT_ID" }),
            }, statusCode: 404);
        }

        var self = Url($"/services/rest/record/v1/salesOrder/{id}");
        return Results.Json(new JsonObject
        {
            ["links"] = new JsonArray(new JsonObject { ["rel"] = "self", ["href"] = self }),
            ["id"] = id,
            ["tranId"] = order["tranId"]?.DeepClone(),
            ["externalId"] = order["externalId"]?.DeepClone(),
            ["entity"] = new JsonObject { ["links"] = new JsonArray(), ["id"] = order["entity"]!["id"]!.DeepClone(), ["refName"] = "Jane Doe" },
            ["item"] = new JsonObject { ["links"] = new JsonArray(new JsonObject { ["rel"] = "self", ["href"] = $"{self}/item" }) },
        }, contentType: "application/vnd.oracle.resource+json; type=singular");
    }

    private async Task QueryAsync(HttpContext context)
    {
        if (context.Request.Headers["Prefer"] != "transient")
        {
            await Error(context, 400, "Bad Request", "INVALID_PARAMETER", "The request header 'Prefer: transient' is required for SuiteQL.");
            return;
        }

        var query = (await JsonNode.ParseAsync(context.Request.Body))?["q"]?.ToString() ?? "";
        var byExternalId = ExternalIdQuery().Match(query);
        var rows = byExternalId.Success
            ? _salesOrders.Values.Where(o => o["externalId"]?.ToString() == byExternalId.Groups[1].Value)
                .Select(o => new JsonObject { ["links"] = new JsonArray(), ["id"] = o["id"]!.ToString(), ["tranid"] = o["tranId"]!.ToString(), ["externalid"] = o["externalId"]!.ToString() })
                .ToList()
            : query.Contains("FROM subsidiary", StringComparison.OrdinalIgnoreCase)
                ? [new JsonObject { ["links"] = new JsonArray(), ["id"] = "1" }]
                : [];
        var limit = int.TryParse(context.Request.Query["limit"], out var l) ? l : 1000;
        var offset = int.TryParse(context.Request.Query["offset"], out var o) ? o : 0;
        var page = rows.Skip(offset).Take(limit).ToList();
        await context.Response.WriteAsJsonAsync(new JsonObject
        {
            ["links"] = new JsonArray(new JsonObject { ["rel"] = "self", ["href"] = "/services/rest/query/v1/suiteql" }),
            ["count"] = page.Count,
            ["hasMore"] = offset + page.Count < rows.Count,
            ["items"] = new JsonArray([.. page]),
            ["offset"] = offset,
            ["totalResults"] = rows.Count,
        });
    }

    [GeneratedRegex(@"FROM transaction WHERE externalid = '([^']*)'", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalIdQuery();
}
