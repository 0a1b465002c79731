using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace FlowDesigner.Testing.Fakes;

/// <summary>
/// A ServiceNow instance's Table API as documented: basic auth or OAuth tokens from <c>/oauth_token.do</c> (password,
/// refresh and client-credentials grants, form-encoded only), records wrapped in <c>{"result":…}</c> with every value a
/// string, 201 with <c>Location</c> on create, <c>Link</c> and <c>X-Total-Count</c> on lists, and the failure body.
/// </summary>
public sealed class FakeServiceNow : FakeVendor
{
    public const string Username = "flow.integration";
    public const string Password = "sn-password-31";
    public const string ClientId = "ac0dd3408c1031006907010c2cc6ef6d";
    public const string ClientSecret = "sn-client-secret-9f";

    private readonly ConcurrentDictionary<string, DateTimeOffset> _tokens = new();
    private readonly ConcurrentDictionary<string, bool> _refreshTokens = new();
    private readonly ConcurrentDictionary<string, int> _grants = new();
    private readonly ConcurrentDictionary<string, List<JsonObject>> _tables = new();
    private int _number = 10000;

    /// <summary>The lifetime of issued tokens, in seconds (ServiceNow: 1799).</summary>
    public int TokenLifetimeSeconds { get; set; } = 1799;

    /// <summary>How many tokens were issued per grant type.</summary>
    public IReadOnlyDictionary<string, int> Grants => _grants;

    public static async Task<FakeServiceNow> StartNewAsync()
    {
        var fake = new FakeServiceNow();
        await fake.StartAsync();
        return fake;
    }

    public IReadOnlyList<JsonObject> Records(string table)
    {
        var rows = Table(table);
        lock (rows)
        {
            return [.. rows];
        }
    }

    /// <summary>Answers the next request 429 with the documented rate-limit headers and body.</summary>
    public void RateLimitNext(int retryAfterSeconds) => FailNext(async context =>
    {
        context.Response.StatusCode = 429;
        context.Response.Headers["Retry-After"] = retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        context.Response.Headers["X-RateLimit-Limit"] = "10";
        context.Response.Headers["X-RateLimit-Reset"] = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        context.Response.Headers["X-RateLimit-Rule"] = "4b3e27f0db3a2300e0e8f3561d9619a8";
        await Failure(context, 429, "Rate limit exceeded", "Rate limit of 10 requests per hour for Table API exceeded");
    });

    protected override void Map(WebApplication app)
    {
        app.MapPost("/oauth_token.do", TokenAsync);
        app.Use(async (context, next) =>
        {
            if (context.Request.Path == "/oauth_token.do")
            {
                await next();
                return;
            }

            if (!Authorized(context.Request.Headers.Authorization.ToString()))
            {
                context.Response.Headers.WWWAuthenticate = "Basic realm=\"Service-now\"";
                await Failure(context, 401, "User Not Authenticated", "Required to provide Auth information");
                return;
            }

            if (!await TryFailAsync(context))
            {
                await next();
            }
        });
        app.MapGet("/api/now/table/{table}", List);
        app.MapPost("/api/now/table/{table}", CreateAsync);
        app.MapGet("/api/now/table/{table}/{sysId}", (string table, string sysId, HttpContext context) => One(context, table, sysId, null));
        app.MapPatch("/api/now/table/{table}/{sysId}", async (string table, string sysId, HttpContext context) =>
            await One(context, table, sysId, await JsonNode.ParseAsync(context.Request.Body) as JsonObject));
    }

    public static Task Failure(HttpContext context, int status, string message, string? detail)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new { error = new { message, detail }, status = "failure" });
    }

    private bool Authorized(string header)
    {
        if (header.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return _tokens.TryGetValue(header[7..], out var until) && until > DateTimeOffset.UtcNow;
        }

        return header == "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Username}:{Password}"));
    }

    private async Task TokenAsync(HttpContext context)
    {
        if (!context.Request.HasFormContentType)
        {
            await Failure(context, 400, "Invalid request", "Content-Type must be application/x-www-form-urlencoded");
            return;
        }

        var form = await context.Request.ReadFormAsync();
        var grant = form["grant_type"].ToString();
        var clientOk = form["client_id"] == ClientId && form["client_secret"] == ClientSecret;
        var grantOk = grant switch
        {
            "password" => form["username"] == Username && form["password"] == Password,
            "refresh_token" => _refreshTokens.ContainsKey(form["refresh_token"].ToString()),
            "client_credentials" => true,
            _ => false,
        };
        if (!clientOk || !grantOk)
        {
            context.Response.StatusCode = 401;
            await context.Response.WriteAsJsonAsync(new { error_description = "access_denied", error = "server_error" });
            return;
        }

        _grants.AddOrUpdate(grant, 1, (_, n) => n + 1);
        var token = Convert.ToBase64String(Guid.NewGuid().ToByteArray()).TrimEnd('=');
        _tokens[token] = DateTimeOffset.UtcNow.AddSeconds(TokenLifetimeSeconds);
        var answer = new JsonObject { ["scope"] = "useraccount", ["token_type"] = "Bearer", ["expires_in"] = TokenLifetimeSeconds, ["access_token"] = token };
        if (grant != "client_credentials")
        {
            var refresh = Guid.NewGuid().ToString("N");
            _refreshTokens[refresh] = true;
            answer["refresh_token"] = refresh;
        }

        await context.Response.WriteAsJsonAsync(answer);
    }

    private IResult List(HttpContext context, string table)
    {
        var query = context.Request.Query;
        var conditions = query["sysparm_query"].ToString().Split('^', StringSplitOptions.RemoveEmptyEntries)
            .Where(c => !c.StartsWith("ORDERBY", StringComparison.Ordinal))
            .Select(c => c.Split('=', 2))
            .Where(c => c.Length == 2)
            .ToList();
        var rows = Records(table).Where(r => conditions.All(c => r[c[0]]?.ToString() == c[1])).ToList();
        var limit = int.TryParse(query["sysparm_limit"], out var l) ? l : 10000;
        var offset = int.TryParse(query["sysparm_offset"], out var o) ? o : 0;
        context.Response.Headers["X-Total-Count"] = rows.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        context.Response.Headers.Link = $"<{Url($"/api/now/table/{table}")}?sysparm_offset={offset + limit}&sysparm_limit={limit}>;rel=\"next\"";
        var fields = query["sysparm_fields"].ToString() is { Length: > 0 } f ? f.Split(',') : null;
        var page = rows.Skip(offset).Take(limit).Select(r => Select(r, fields));
        return Results.Json(new { result = page });
    }

    private async Task CreateAsync(HttpContext context, string table)
    {
        if (context.Request.ContentType?.StartsWith("application/json", StringComparison.Ordinal) != true
            || await JsonNode.ParseAsync(context.Request.Body) is not JsonObject fields)
        {
            await Failure(context, 400, "Exception while reading request", "The payload is not valid JSON.");
            return;
        }

        var sysId = Guid.NewGuid().ToString("N");
        var record = new JsonObject
        {
            ["sys_id"] = sysId,
            ["number"] = $"INC{Interlocked.Increment(ref _number):D7}",
            ["state"] = "1",
            ["active"] = "true",
            ["priority"] = "5",
            ["caller_id"] = "",
            ["correlation_id"] = "",
            ["sys_created_on"] = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
            ["opened_by"] = new JsonObject { ["link"] = Url($"/api/now/table/sys_user/6816f79cc0a8016401c5a33be04be441"), ["value"] = "6816f79cc0a8016401c5a33be04be441" },
        };
        foreach (var (name, value) in fields.Where(f => !f.Key.StartsWith("sys_", StringComparison.Ordinal)))
        {
            record[name] = value is JsonValue v ? v.ToString() : value?.ToJsonString() ?? "";
        }

        var rows = Table(table);
        lock (rows)
        {
            rows.Add(record);
        }

        context.Response.StatusCode = 201;
        context.Response.Headers.Location = Url($"/api/now/table/{table}/{sysId}");
        await context.Response.WriteAsJsonAsync(new { result = record });
    }

    private async Task One(HttpContext context, string table, string sysId, JsonObject? changes)
    {
        var record = Records(table).FirstOrDefault(r => r["sys_id"]?.ToString() == sysId);
        if (record is null)
        {
            await Failure(context, 404, "No Record found", "Record doesn't exist or ACL restricts the record retrieval");
            return;
        }

        foreach (var (name, value) in changes?.Where(f => !f.Key.StartsWith("sys_", StringComparison.Ordinal)) ?? [])
        {
            record[name] = value?.ToString() ?? "";
        }

        await context.Response.WriteAsJsonAsync(new { result = record });
    }

    private static JsonObject Select(JsonObject record, string[]? fields) =>
        fields is null ? record : new JsonObject(record.Where(p => fields.Contains(p.Key)).Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())));

    private List<JsonObject> Table(string table) => _tables.GetOrAdd(table, _ => []);
}
