using System.Globalization;
using System.Text;
using System.Text.Json;
using FlowDesigner.Connectors.Shared;
using FlowDesigner.Model.Execution;
using FlowDesigner.Model.Polling;

namespace FlowDesigner.Connectors.Magento;

/// <summary>
/// Polls <c>GET /V1/orders</c> with <c>created_at gteq</c> the cursor, sorted by <c>created_at</c> then <c>entity_id</c> ascending,
/// page by page. The cursor is the last order taken (its <c>created_at</c> and <c>entity_id</c>), so orders of the same second
/// are neither lost nor taken twice; each run is deduplicated on the order's entity id besides.
/// https://developer.adobe.com/commerce/webapi/rest/use-rest/performing-searches/
/// </summary>
public sealed class MagentoOrderPoller(MagentoClient magento, TimeProvider clock) : ITriggerPoller
{
    public const string EventType = "magento.order.created";

    private const int PageSize = 50;

    /// <summary>At most this many orders start runs per poll; the rest wait for the next one.</summary>
    private const int MaxPerPoll = 200;

    private const string TimeFormat = "yyyy-MM-dd HH:mm:ss";

    public string NodeType => MagentoNewOrderTrigger.Key;

    public int IntervalSeconds(IReadOnlyDictionary<string, JsonElement> config) =>
        config.TryGetValue("interval", out var value) && int.TryParse(value.ValueKind == JsonValueKind.String ? value.GetString() : value.ToString(), out var seconds)
            ? Math.Clamp(seconds, 5, 86400)
            : 60;

    public async Task<PollResult> PollAsync(PollContext context, CancellationToken cancellationToken)
    {
        var credential = context.Credential ?? throw new StepFailedException($"'{context.NodeName}' needs a Magento credential.", retryable: false);
        var (since, lastId) = ReadCursor(context);
        if (since is null)
        {
            // The first look with no start given: begin at this moment, so that old orders start nothing.
            return new PollResult([], Cursor(clock.GetUtcNow().UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture), 0));
        }

        var statuses = context.GetText("statuses").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var events = new List<PolledEvent>();
        var (cursorTime, cursorId) = (since, lastId);
        var store = credential.Get("storeCode", "default");
        for (var page = 1; events.Count < MaxPerPoll; page++)
        {
            var reply = await magento.GetAsync(credential, SearchPath(since, statuses, page), cancellationToken);
            if (!reply.Succeeded)
            {
                throw MagentoErrors.From(reply, "search for new orders");
            }

            foreach (var order in reply.Json.GetProperty("items").EnumerateArray())
            {
                var createdAt = order.GetProperty("created_at").GetString() ?? "";
                var entityId = order.GetProperty("entity_id").GetInt64();
                if (string.CompareOrdinal(createdAt, since) == 0 && entityId <= lastId)
                {
                    continue;
                }

                events.Add(new PolledEvent($"magento:{store}:{entityId}", EventType, order));
                (cursorTime, cursorId) = (createdAt, entityId);
                if (events.Count >= MaxPerPoll)
                {
                    break;
                }
            }

            var total = reply.Json.GetProperty("total_count").GetInt32();
            if (page * PageSize >= total)
            {
                break;
            }
        }

        return new PollResult(events, Cursor(cursorTime, cursorId));
    }

    public async Task<JsonElement?> LatestAsync(PollContext context, CancellationToken cancellationToken)
    {
        var credential = context.Credential ?? throw new StepFailedException($"'{context.NodeName}' needs a Magento credential.", retryable: false);
        var statuses = context.GetText("statuses").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var reply = await magento.GetAsync(credential, SearchPath(null, statuses, 1, newestFirst: true, pageSize: 1), cancellationToken);
        if (!reply.Succeeded)
        {
            throw MagentoErrors.From(reply, "read the newest order");
        }

        return reply.Json.GetProperty("items") is { ValueKind: JsonValueKind.Array } items && items.GetArrayLength() > 0 ? items[0] : null;
    }

    private static (string? Since, long LastId) ReadCursor(PollContext context)
    {
        if (context.Cursor is { ValueKind: JsonValueKind.Object } cursor)
        {
            return (cursor.GetProperty("createdAt").GetString(), cursor.GetProperty("entityId").GetInt64());
        }

        var since = context.GetText("since").Trim();
        if (since.Length == 0)
        {
            return (null, 0);
        }

        return DateTime.TryParse(since, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var parsed)
            ? (parsed.ToString(TimeFormat, CultureInfo.InvariantCulture), 0)
            : throw new StepFailedException($"'{context.NodeName}': '{since}' is not a date and time such as 2025-03-14 00:00:00.", retryable: false);
    }

    private static JsonElement Cursor(string createdAt, long entityId) => JsonSerializer.SerializeToElement(new { createdAt, entityId });

    /// <summary>The bracketed <c>searchCriteria</c> query, brackets encoded as the docs ask.</summary>
    /// <param name="since">The <c>created_at</c> to read from; null for no lower bound.</param>
    private static string SearchPath(string? since, string[] statuses, int page, bool newestFirst = false, int pageSize = PageSize)
    {
        var query = new StringBuilder("orders?");
        void Add(string key, string value) => query.Append(Uri.EscapeDataString($"searchCriteria{key}")).Append('=').Append(Uri.EscapeDataString(value)).Append('&');
        var group = 0;
        if (since is not null)
        {
            Add($"[filter_groups][{group}][filters][0][field]", "created_at");
            Add($"[filter_groups][{group}][filters][0][value]", since);
            Add($"[filter_groups][{group}][filters][0][condition_type]", "gteq");
            group++;
        }

        if (statuses.Length > 0)
        {
            Add($"[filter_groups][{group}][filters][0][field]", "status");
            Add($"[filter_groups][{group}][filters][0][value]", string.Join(',', statuses));
            Add($"[filter_groups][{group}][filters][0][condition_type]", "in");
        }

        var direction = newestFirst ? "DESC" : "ASC";
        Add("[sortOrders][0][field]", "created_at");
        Add("[sortOrders][0][direction]", direction);
        Add("[sortOrders][1][field]", "entity_id");
        Add("[sortOrders][1][direction]", direction);
        Add("[pageSize]", pageSize.ToString(CultureInfo.InvariantCulture));
        Add("[currentPage]", page.ToString(CultureInfo.InvariantCulture));
        return query.ToString().TrimEnd('&');
    }
}
