namespace FlowDesigner.Testing.Fakes;

/// <summary>
/// The reference scenario against the vendors' APIs: a new Magento order (polled) becomes a Salesforce account and order,
/// its service lines a ServiceNow incident, its other lines a NetSuite sales order, and a <c>salesforce.order.created</c>
/// event is emitted for the workflows that follow it.
/// </summary>
public static class ReferenceScenario
{
    /// <summary>The workflow, signing in with the given stored credentials' ids.</summary>
    public static string Workflow(Guid magento, Guid salesforce, Guid serviceNow, Guid netSuite) => """
        { "schema": 1, "name": "Magento order to Salesforce, ServiceNow and NetSuite",
          "nodes": [
            { "id": "new", "type": "magento.new-order", "name": "New order", "credential": "MAGENTO",
              "config": { "interval": "60", "since": "2025-03-14 00:00:00" } },
            { "id": "lines", "type": "core.set", "name": "Split lines", "config": { "fields": {
                "service": "{{ trigger.items.filter(l => !l.parent_item_id && (l.product_type === 'virtual' || l.sku.startsWith('SRV-'))) }}",
                "goods": "{{ trigger.items.filter(l => !l.parent_item_id && l.product_type !== 'virtual' && l.product_type !== 'downloadable' && !l.sku.startsWith('SRV-')) }}" } } },
            { "id": "account", "type": "salesforce.upsert-record", "name": "Upsert account", "credential": "SALESFORCE",
              "config": { "object": "Account", "externalIdField": "Magento_Customer_Id__c", "externalId": "{{ trigger.customer_id }}",
                "fields": { "Name": "{{ trigger.customer_firstname + ' ' + trigger.customer_lastname }}" } } },
            { "id": "order", "type": "salesforce.upsert-record", "name": "Create order", "credential": "SALESFORCE",
              "config": { "object": "Order", "externalIdField": "Magento_Order_Id__c", "externalId": "{{ trigger.increment_id }}",
                "fields": { "AccountId": "{{ steps['Upsert account'].id }}", "EffectiveDate": "{{ trigger.created_at.substring(0, 10) }}", "Status": "Draft",
                  "OrderReferenceNumber": "{{ trigger.increment_id }}",
                  "Description": "Magento order #{{ trigger.increment_id }} - {{ trigger.total_item_count }} lines, {{ trigger.grand_total.toFixed(2) }} {{ trigger.order_currency_code }}" } } },
            { "id": "hasService", "type": "core.condition", "name": "Any service lines", "config": { "condition": "{{ steps['Split lines'].service.length > 0 }}" } },
            { "id": "incident", "type": "servicenow.create-record", "name": "Create incident", "credential": "SERVICENOW",
              "config": { "table": "incident", "correlationId": "magento:{{ trigger.entity_id }}:svc", "fields": {
                "short_description": "{{ steps['Split lines'].service[0].name }} for Magento order #{{ trigger.increment_id }}",
                "description": "{{ steps['Split lines'].service.map(l => l.qty_ordered + ' x ' + l.name + ' (' + l.sku + ') @ ' + l.price + ' ' + trigger.order_currency_code).join('\\n') }}",
                "urgency": "3", "impact": "3", "correlation_display": "FlowDesigner" } } },
            { "id": "hasGoods", "type": "core.condition", "name": "Any goods", "config": { "condition": "{{ steps['Split lines'].goods.length > 0 }}" } },
            { "id": "salesOrder", "type": "netsuite.create-sales-order", "name": "Create sales order", "credential": "NETSUITE",
              "config": { "fields": {
                "entity": { "id": "107" }, "externalId": "magento-{{ trigger.increment_id }}", "otherRefNum": "{{ trigger.increment_id }}",
                "tranDate": "{{ trigger.created_at.substring(0, 10) }}", "memo": "Magento order #{{ trigger.increment_id }}",
                "item": { "items": "{{ steps['Split lines'].goods.map(l => ({ item: { id: ({ 'EM-X200': '512', 'CG-G5': '513' })[l.sku] }, quantity: l.qty_ordered, rate: l.price })) }}" } } } },
            { "id": "emit", "type": "core.emit-event", "name": "Order created", "config": { "eventName": "salesforce.order.created",
              "payload": "{{ ({ orderId: steps['Create order'].id, magentoOrder: trigger.increment_id }) }}" } }
          ],
          "edges": [
            { "from": "new", "port": "out", "to": "lines" }, { "from": "lines", "port": "out", "to": "account" },
            { "from": "account", "port": "out", "to": "order" }, { "from": "order", "port": "out", "to": "hasService" },
            { "from": "order", "port": "out", "to": "hasGoods" }, { "from": "order", "port": "out", "to": "emit" },
            { "from": "hasService", "port": "true", "to": "incident" }, { "from": "hasGoods", "port": "true", "to": "salesOrder" }
          ] }
        """.Replace("MAGENTO", magento.ToString()).Replace("SALESFORCE", salesforce.ToString())
        .Replace("SERVICENOW", serviceNow.ToString()).Replace("NETSUITE", netSuite.ToString());

    /// <summary>A workflow started by the emitted event, which keeps what it received.</summary>
    public const string Follower = """
        { "schema": 1, "name": "When a Salesforce order is created",
          "nodes": [
            { "id": "on", "type": "core.on-event", "name": "Order created", "config": { "eventName": "salesforce.order.created" } },
            { "id": "keep", "type": "core.set", "name": "Keep", "config": { "fields": { "orderId": "{{ trigger.orderId }}" } } } ],
          "edges": [ { "from": "on", "port": "out", "to": "keep" } ] }
        """;
}
