using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace FlowDesigner.Benchmarks;

/// <summary>
/// The floor: a minimal endpoint doing the reference workflow's work in plain C# (the same mapping, the same sink
/// calls, two lines at a time) and inserting one row per request into SQLite (WAL). SQLite itself waits for the write
/// lock (<c>busy_timeout</c>): left to the provider's own retry, a request that met another's lock waited about 150 ms.
/// </summary>
public sealed class Floor : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _folder;

    private Floor(WebApplication app, string folder)
    {
        _app = app;
        _folder = folder;
    }

    public Uri Address { get; private init; } = default!;

    public static async Task<Floor> StartAsync(Uri sink)
    {
        var folder = Directory.CreateTempSubdirectory("flowdesigner-floor-").FullName;
        var connectionString = $"Data Source={Path.Combine(folder, "floor.db")};Pooling=True";
        await using (var setup = new SqliteConnection(connectionString))
        {
            await setup.OpenAsync();
            await using var command = setup.CreateCommand();
            command.CommandText = "PRAGMA journal_mode=WAL; CREATE TABLE orders (id INTEGER PRIMARY KEY, order_id TEXT, payload TEXT, created TEXT);";
            await command.ExecuteNonQueryAsync();
        }

        var (app, address) = await Testing.LoopbackApp.StartAsync(
            app => app.MapPost("/orders", (JsonElement body, IHttpClientFactory clients) => HandleAsync(body, clients.CreateClient(), sink, connectionString)),
            services => services.AddHttpClient());
        return new Floor(app, folder) { Address = address };
    }

    private static async Task<IResult> HandleAsync(JsonElement body, HttpClient http, Uri sink, string connectionString)
    {
        var order = body.GetProperty("order");
        var orderId = order.GetProperty("increment_id").GetString()!;
        var lines = order.GetProperty("items").EnumerateArray().ToList();
        if (lines.Any(l => l.GetProperty("type").GetString() == "service"))
        {
            await Parallel.ForEachAsync(lines.Select((line, index) => (line, index)), new ParallelOptions { MaxDegreeOfParallelism = 2 }, async (entry, token) =>
            {
                var (line, index) = entry;
                var sku = line.GetProperty("sku").GetString();
                using var response = line.GetProperty("type").GetString() == "service"
                    ? await http.PostAsJsonAsync(new Uri(sink, "servicenow/incident"), new { short_description = $"Install {sku} for order {orderId}", line = index }, token)
                    : await http.PostAsJsonAsync(new Uri(sink, "netsuite/salesorder"), new { sku, quantity = line.GetProperty("qty").GetInt32() }, token);
                response.EnsureSuccessStatusCode();
            });
        }

        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var insert = connection.CreateCommand();
        insert.CommandText = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000; INSERT INTO orders (order_id, payload, created) VALUES ($id, $payload, $created);";
        insert.Parameters.AddWithValue("$id", orderId);
        insert.Parameters.AddWithValue("$payload", body.GetRawText());
        insert.Parameters.AddWithValue("$created", DateTime.UtcNow.ToString("O"));
        await insert.ExecuteNonQueryAsync();
        return Results.Ok(new { orderId, lines = lines.Count });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
