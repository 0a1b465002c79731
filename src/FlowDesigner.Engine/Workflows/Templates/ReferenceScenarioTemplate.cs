namespace FlowDesigner.Engine.Workflows.Templates;

/// <summary>
/// The reference scenario: a new Magento order becomes a Salesforce account and order; its service lines open a
/// ServiceNow incident, its other lines a NetSuite sales order; the Salesforce order's creation is emitted as the
/// <c>salesforce.order.created</c> event, which a second workflow follows with an email to the buyer.
/// </summary>
public static class ReferenceScenarioTemplate
{
    public const string Key = "magento-order-fulfilment";

    public const string OrderEvent = "salesforce.order.created";

    public static WorkflowTemplate Template { get; } = new(
        Key,
        "Magento order to Salesforce, ServiceNow and NetSuite",
        "A new Magento order creates the Salesforce account and order; service lines open a ServiceNow incident, the rest " +
        "become a NetSuite sales order. A second workflow emails the buyer when the Salesforce order is created. " +
        "Pick a credential on each vendor's node, then publish both.",
        "icons/magento.svg",
        [Order, Follower]);

    private const string Order = """
        { "schema": 1, "name": "Magento order to Salesforce, ServiceNow and NetSuite",
          "nodes": [
            { "id": "new", "type": "magento.new-order", "name": "New order", "config": { "interval": "60" } },
            { "id": "lines", "type": "core.set", "name": "Split lines", "config": { "fields": {
                "service": "{{ trigger.items.filter(l => !l.parent_item_id && (l.product_type === 'virtual' || l.sku.startsWith('SRV-'))) }}",
                "goods": "{{ trigger.items.filter(l => !l.parent_item_id && l.product_type !== 'virtual' && l.product_type !== 'downloadable' && !l.sku.startsWith('SRV-')) }}" } } },
            { "id": "account", "type": "salesforce.upsert-record", "name": "Upsert account",
              "config": { "object": "Account", "externalIdField": "Magento_Customer_Id__c", "externalId": "{{ trigger.customer_id }}",
                "fields": { "Name": "{{ trigger.customer_firstname + ' ' + trigger.customer_lastname }}" } } },
            { "id": "order", "type": "salesforce.upsert-record", "name": "Create order",
              "config": { "object": "Order", "externalIdField": "Magento_Order_Id__c", "externalId": "{{ trigger.increment_id }}",
                "fields": { "AccountId": "{{ steps['Upsert account'].id }}", "EffectiveDate": "{{ trigger.created_at.substring(0, 10) }}", "Status": "Draft",
                  "OrderReferenceNumber": "{{ trigger.increment_id }}",
                  "Description": "Magento order #{{ trigger.increment_id }} - {{ trigger.total_item_count }} lines, {{ trigger.grand_total.toFixed(2) }} {{ trigger.order_currency_code }}" } } },
            { "id": "hasService", "type": "core.condition", "name": "Any service lines", "config": { "condition": "{{ steps['Split lines'].service.length > 0 }}" } },
            { "id": "incident", "type": "servicenow.create-record", "name": "Create incident",
              "config": { "table": "incident", "correlationId": "magento:{{ trigger.entity_id }}:svc", "fields": {
                "short_description": "{{ steps['Split lines'].service[0].name }} for Magento order #{{ trigger.increment_id }}",
                "description": "{{ steps['Split lines'].service.map(l => l.qty_ordered + ' x ' + l.name + ' (' + l.sku + ') @ ' + l.price + ' ' + trigger.order_currency_code).join('\\n') }}",
                "urgency": "3", "impact": "3", "correlation_display": "FlowDesigner" } } },
            { "id": "hasGoods", "type": "core.condition", "name": "Any goods", "config": { "condition": "{{ steps['Split lines'].goods.length > 0 }}" } },
            { "id": "salesOrder", "type": "netsuite.create-sales-order", "name": "Create sales order",
              "config": { "fields": {
                "entity": { "id": "107" }, "externalId": "magento-{{ trigger.increment_id }}", "otherRefNum": "{{ trigger.increment_id }}",
                "tranDate": "{{ trigger.created_at.substring(0, 10) }}", "memo": "Magento order #{{ trigger.increment_id }}",
                "item": { "items": "{{ steps['Split lines'].goods.map(l => ({ item: { id: ({ 'EM-X200': '512', 'CG-G5': '513' })[l.sku] }, quantity: l.qty_ordered, rate: l.price })) }}" } } } },
            { "id": "emit", "type": "core.emit-event", "name": "Order created", "config": { "eventName": "salesforce.order.created",
              "payload": "{{ ({ orderId: steps['Create order'].id, magentoOrder: trigger.increment_id, email: trigger.customer_email, name: trigger.customer_firstname }) }}" } }
          ],
          "edges": [
            { "from": "new", "port": "out", "to": "lines" }, { "from": "lines", "port": "out", "to": "account" },
            { "from": "account", "port": "out", "to": "order" }, { "from": "order", "port": "out", "to": "hasService" },
            { "from": "order", "port": "out", "to": "hasGoods" }, { "from": "order", "port": "out", "to": "emit" },
            { "from": "hasService", "port": "true", "to": "incident" }, { "from": "hasGoods", "port": "true", "to": "salesOrder" }
          ],
          "notes": [ { "text": "Adapt to your NetSuite account: the customer (entity 107) and the item ids each Magento SKU maps to, in 'Create sales order'.",
                       "position": { "x": 1440, "y": 340 }, "width": 280, "height": 100 } ] }
        """;

    private const string Follower = """
        { "schema": 1, "name": "Email the buyer when the Salesforce order is created",
          "nodes": [
            { "id": "on", "type": "core.on-event", "name": "Order created", "config": { "eventName": "salesforce.order.created" } },
            { "id": "mail", "type": "email.send", "name": "Email the buyer", "config": {
                "to": "{{ trigger.email }}",
                "subject": "Your order {{ trigger.magentoOrder }} is confirmed",
                "text": "Hello {{ trigger.name }},\n\nthank you for your order {{ trigger.magentoOrder }}. It is confirmed and on its way to the warehouse.\n" } } ],
          "edges": [ { "from": "on", "port": "out", "to": "mail" } ] }
        """;
}
