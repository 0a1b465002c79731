using System.Collections.Concurrent;
using System.Text.Json.Nodes;
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
}
