namespace FlowDesigner.Testing;

/// <summary>
/// The reference scenario: an order placed in the shop, service lines to the field-service vendor, the other lines
/// to the warehouse, answered with the order id and line count. Used by the engine tests and the benchmark.
/// </summary>
public static class ReferenceOrder
{
    /// <summary>The workflow; its HTTP calls go to <c>env.sink</c>.</summary>
    /// <param name="respond"><c>whenFinished</c> (the webhook answers with the output) or <c>immediately</c> (202).</param>
    /// <param name="signingSecret">
    /// A webhook secret credential's id: the webhook then takes only Standard Webhooks signed requests. Its rate limit
    /// is set far above what a load test sends either way.
    /// </param>
    /// <param name="scripted">Its map as a code node (JavaScript) instead of fields with paths: the script variant.</param>
    public static string Workflow(string path = "orders", string respond = "whenFinished", Guid? signingSecret = null, bool scripted = false) => """
        { "schema": 1, "name": "Order fulfilment PATH",
          "nodes": [
            { "id": "hook", "type": "core.webhook", "name": "Order placed", "credential": CREDENTIAL,
              "config": { "path": "PATH", "respond": "RESPOND", "responseTimeoutSeconds": 20, "rateLimit": 1000000, "protection": "PROTECTION" } },
            MAP,
            { "id": "any", "type": "core.condition", "name": "Has service lines", "config": { "condition": "{{ steps['Map order'].lines.some(l => l.type === 'service') }}" } },
            { "id": "each", "type": "core.for-each", "name": "Each line", "config": { "items": "{{ steps['Map order'].lines }}", "parallelism": 2 } },
            { "id": "svc", "type": "core.condition", "name": "Is service", "config": { "condition": "{{ item.type === 'service' }}" } },
            { "id": "incident", "type": "http.request", "name": "Open incident", "config": { "method": "POST", "url": "{{ env.sink }}servicenow/incident", "bodyType": "json",
                "body": { "short_description": "Install {{ item.sku }} for order {{ steps['Map order'].orderId }}", "line": "{{ index }}" } } },
            { "id": "sales", "type": "http.request", "name": "Send to warehouse", "config": { "method": "POST", "url": "{{ env.sink }}netsuite/salesorder", "bodyType": "json",
                "body": "{{ ({ sku: item.sku, quantity: item.qty }) }}" } },
            { "id": "line", "type": "core.merge", "name": "Line done", "config": {} },
            { "id": "answer", "type": "core.respond", "name": "Answer", "config": { "body": "{{ ({ orderId: steps['Map order'].orderId, lines: steps['Each line'].length }) }}" } }
          ],
          "edges": [
            { "from": "hook", "port": "out", "to": "map" }, { "from": "map", "port": "out", "to": "any" },
            { "from": "any", "port": "true", "to": "each" }, { "from": "any", "port": "false", "to": "answer" },
            { "from": "each", "port": "each", "to": "svc" },
            { "from": "svc", "port": "true", "to": "incident" }, { "from": "svc", "port": "false", "to": "sales" },
            { "from": "incident", "port": "out", "to": "line" }, { "from": "sales", "port": "out", "to": "line" },
            { "from": "each", "port": "done", "to": "answer" }
          ] }
        """.Replace("PATH", path).Replace("RESPOND", respond)
        .Replace("CREDENTIAL", signingSecret is { } id ? $"\"{id}\"" : "null")
        .Replace("PROTECTION", signingSecret is null ? "none" : "standardWebhooks")
        .Replace("MAP", scripted ? ScriptedMap : FieldsMap);

    private const string FieldsMap = """
        { "id": "map", "type": "core.set", "name": "Map order", "config": { "fields": {
                "orderId": "{{ trigger.body.order.increment_id }}", "email": "{{ trigger.body.order.customer_email }}", "lines": "{{ trigger.body.order.items }}" } } }
        """;

    /// <summary>The same output as <see cref="FieldsMap"/>, written as an analyst who knows JavaScript would: lower-casing, arithmetic, <c>.map</c>.</summary>
    private const string ScriptedMap = """
        { "id": "map", "type": "core.code", "name": "Map order", "config": { "code": "const order = trigger.body.order;\nreturn {\n  orderId: order.increment_id,\n  email: order.customer_email.toLowerCase(),\n  lines: order.items.map(i => ({ sku: i.sku, type: i.type, qty: i.qty * 1 })),\n};" } }
        """;

    /// <summary>Step rows a run of an order with <paramref name="lines"/> lines (one a service line) leaves: 5, and 4 per line.</summary>
    public static int StepsPerRun(int lines) => 5 + (4 * lines);

    /// <summary>A Magento-shaped order: the second line is a service line, the others products.</summary>
    public static object Order(string incrementId, int lines) => new
    {
        order = new
        {
            increment_id = incrementId,
            customer_email = "ann@example.com",
            items = Enumerable.Range(0, lines).Select(i => new { sku = i == 1 ? "INSTALL" : $"SKU-{i}", type = i == 1 ? "service" : "product", qty = i + 1 }).ToArray(),
        },
    };
}
