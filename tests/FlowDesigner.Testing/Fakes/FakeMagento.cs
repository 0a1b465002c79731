using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace FlowDesigner.Testing.Fakes;

/// <summary>
/// A Magento 2 store's REST API as documented: integration requests signed with OAuth 1.0a (checked by
/// <see cref="OAuth1Verifier"/>) or, where the store allows it, the access token as Bearer; <c>GET /rest/{store}/V1/orders</c> with bracketed
/// <c>searchCriteria</c> (filter groups AND-ed, filters in a group OR-ed; eq/gt/gteq/lt/lteq/in), sort orders, pages, the
/// echoed <c>search_criteria</c> and <c>total_count</c>; <c>GET /V1/orders/{entity_id}</c>; and its <c>{"message","parameters"}</c> errors.
/// </summary>
public sealed partial class FakeMagento : FakeVendor
{
    public const string ConsumerKey = "mg-consumer-key-31c0";
    public const string ConsumerSecret = "mg-consumer-secret-77d2";
    public const string AccessToken = "mg-integration-token-0b7e4a";
    public const string AccessTokenSecret = "mg-token-secret-9e51";

    private readonly OAuth1Verifier _signatures = new(ConsumerKey, ConsumerSecret, AccessToken, AccessTokenSecret, realm: null);

    private readonly ConcurrentDictionary<long, JsonObject> _orders = new();

    public static async Task<FakeMagento> StartNewAsync()
    {
        var fake = new FakeMagento();
        await fake.StartAsync();
        return fake;
    }

    public void AddOrder(JsonObject order) => _orders[order["entity_id"]!.GetValue<long>()] = order;

    protected override void Map(WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            var signedIn = context.Request.Headers.Authorization.ToString() is var header && header.StartsWith("OAuth ", StringComparison.Ordinal)
                ? _signatures.Refusal(context.Request) is null
                : header == $"Bearer {AccessToken}";
            if (!signedIn)
            {
                context.Response.StatusCode = 401;
                await context.Response.WriteAsJsonAsync(new
                {
                    message = "The consumer isn't authorized to access %resources.",
                    parameters = new { resources = "Magento_Sales::actions_view" },
                });
                return;
            }

            if (!await TryFailAsync(context))
            {
                await next();
            }
        });
        app.MapGet("/rest/{store}/V1/orders", Search);
        app.MapGet("/rest/{store}/V1/orders/{id}", (string id) =>
            long.TryParse(id, out var entityId) && _orders.TryGetValue(entityId, out var order)
                ? Results.Json(order)
                : Results.Json(new { message = "The entity that was requested doesn't exist. Verify the entity and try again." }, statusCode: 404));
    }

    private IResult Search(HttpContext context)
    {
        var criteria = context.Request.Query.Where(q => q.Key.StartsWith("searchCriteria[", StringComparison.Ordinal))
            .ToDictionary(q => q.Key, q => q.Value.ToString());
        var groups = new SortedDictionary<int, SortedDictionary<int, (string Field, string Value, string Condition)>>();
        foreach (var (key, value) in criteria)
        {
            if (FilterKey().Match(key) is { Success: true } m)
            {
                var group = groups.TryGetValue(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), out var g) ? g : groups[int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)] = [];
                var index = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
                var filter = group.TryGetValue(index, out var f) ? f : (Field: "", Value: "", Condition: "eq");
                group[index] = m.Groups[3].Value switch
                {
                    "field" => filter with { Field = value },
                    "value" => filter with { Value = value },
                    _ => filter with { Condition = value },
                };
            }
        }

        var sorts = new SortedDictionary<int, (string Field, string Direction)>();
        foreach (var (key, value) in criteria)
        {
            if (SortKey().Match(key) is { Success: true } m)
            {
                var index = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
                var sort = sorts.TryGetValue(index, out var s) ? s : (Field: "", Direction: "DESC");
                sorts[index] = m.Groups[2].Value == "field" ? sort with { Field = value } : sort with { Direction = value };
            }
        }

        IEnumerable<JsonObject> orders = _orders.Values.Where(o => groups.Values.All(g => g.Values.Any(f => Matches(o, f))));
        IOrderedEnumerable<JsonObject>? sorted = null;
        foreach (var (field, direction) in sorts.Values)
        {
            Func<JsonObject, IComparable> key = o => o[field] is JsonValue v && v.TryGetValue<long>(out var n) ? n : o[field]?.ToString() ?? "";
            var ascending = direction.Equals("ASC", StringComparison.OrdinalIgnoreCase);
            sorted = sorted is null
                ? ascending ? orders.OrderBy(key) : orders.OrderByDescending(key)
                : ascending ? sorted.ThenBy(key) : sorted.ThenByDescending(key);
        }

        var matching = (sorted ?? orders).ToList();
        var pageSize = int.TryParse(criteria.GetValueOrDefault("searchCriteria[pageSize]"), out var size) ? size : (int?)null;
        var currentPage = int.TryParse(criteria.GetValueOrDefault("searchCriteria[currentPage]"), out var page) ? page : 1;
        var items = pageSize is { } n ? matching.Skip((currentPage - 1) * n).Take(n) : matching;
        return Results.Json(new JsonObject
        {
            ["items"] = new JsonArray([.. items.Select(o => (JsonNode)o.DeepClone())]),
            ["search_criteria"] = new JsonObject
            {
                ["filter_groups"] = new JsonArray([.. groups.Values.Select(g => (JsonNode)new JsonObject
                {
                    ["filters"] = new JsonArray([.. g.Values.Select(f => (JsonNode)new JsonObject { ["field"] = f.Field, ["value"] = f.Value, ["condition_type"] = f.Condition })]),
                })]),
                ["sort_orders"] = new JsonArray([.. sorts.Values.Select(s => (JsonNode)new JsonObject { ["field"] = s.Field, ["direction"] = s.Direction })]),
                ["page_size"] = pageSize,
                ["current_page"] = currentPage,
            },
            ["total_count"] = matching.Count,
        });
    }

    private static bool Matches(JsonObject order, (string Field, string Value, string Condition) filter)
    {
        var actual = order[filter.Field]?.ToString() ?? "";
        var compared = long.TryParse(actual, out var a) && long.TryParse(filter.Value, out var b) ? a.CompareTo(b) : string.CompareOrdinal(actual, filter.Value);
        return filter.Condition switch
        {
            "eq" => compared == 0,
            "neq" => compared != 0,
            "gt" => compared > 0,
            "gteq" => compared >= 0,
            "lt" => compared < 0,
            "lteq" => compared <= 0,
            "in" => filter.Value.Split(',').Contains(actual),
            _ => throw new InvalidOperationException($"The fake does not know condition_type '{filter.Condition}'."),
        };
    }

    [GeneratedRegex(@"^searchCriteria\[filter_groups\]\[(\d+)\]\[filters\]\[(\d+)\]\[(field|value|condition_type)\]$")]
    private static partial Regex FilterKey();

    [GeneratedRegex(@"^searchCriteria\[sortOrders\]\[(\d+)\]\[(field|direction)\]$")]
    private static partial Regex SortKey();
}
