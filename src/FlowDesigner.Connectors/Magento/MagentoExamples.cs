namespace FlowDesigner.Connectors.Magento;

/// <summary>A Magento order as the REST API returns it (<c>GET /V1/orders/{id}</c>), cut to the fields workflows use most.</summary>
public static class MagentoExamples
{
    public const string Order = """
        { "entity_id": 1042, "increment_id": "000001042", "created_at": "2025-03-14 09:26:41", "state": "new", "status": "pending",
          "customer_id": 87, "customer_email": "jane.doe@example.com", "customer_firstname": "Jane", "customer_lastname": "Doe",
          "order_currency_code": "USD", "subtotal": 798, "shipping_amount": 15, "grand_total": 813, "total_item_count": 3,
          "items": [ { "item_id": 2101, "sku": "EM-X200", "name": "Espresso Machine X200", "product_type": "simple", "qty_ordered": 1, "price": 499, "row_total": 499 } ],
          "billing_address": { "firstname": "Jane", "lastname": "Doe", "email": "jane.doe@example.com", "street": [ "123 Oak Ave" ],
            "city": "Purchase", "region": "New York", "postcode": "10577", "country_id": "US", "telephone": "512-555-1111" },
          "payment": { "method": "checkmo", "amount_ordered": 813 } }
        """;
}
