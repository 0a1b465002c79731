using System.Text.Json.Nodes;

namespace FlowDesigner.Testing.Fakes;

/// <summary>
/// The reference Magento order of the vendor sheet (from the documented order response): two physical lines and one
/// service line, subtotal 798.00 + shipping 15.00 = 813.00 USD.
/// </summary>
public static class MagentoSampleOrder
{
    public const string Json = """
{"entity_id":1042,"increment_id":"000001042","created_at":"2025-03-14 09:26:41","updated_at":"2025-03-14 09:26:42","state":"new","status":"pending","store_id":1,"customer_id":87,"customer_is_guest":0,"customer_email":"jane.doe@example.com","customer_firstname":"Jane","customer_lastname":"Doe","base_currency_code":"USD","order_currency_code":"USD","subtotal":798,"shipping_amount":15,"tax_amount":0,"discount_amount":0,"grand_total":813,"base_grand_total":813,"is_virtual":0,"total_item_count":3,"total_qty_ordered":4,"shipping_description":"Flat Rate - Fixed","items":[{"item_id":2101,"order_id":1042,"quote_item_id":5501,"product_id":310,"sku":"EM-X200","name":"Espresso Machine X200","product_type":"simple","is_virtual":0,"qty_ordered":1,"price":499,"base_price":499,"original_price":499,"price_incl_tax":499,"row_total":499,"row_total_incl_tax":499,"tax_amount":0,"tax_percent":0,"discount_amount":0,"weight":9.5,"row_weight":9.5,"store_id":1,"created_at":"2025-03-14 09:26:41","updated_at":"2025-03-14 09:26:41"},{"item_id":2102,"order_id":1042,"quote_item_id":5502,"product_id":311,"sku":"CG-G5","name":"Coffee Grinder G5","product_type":"simple","is_virtual":0,"qty_ordered":2,"price":89.5,"base_price":89.5,"original_price":89.5,"price_incl_tax":89.5,"row_total":179,"row_total_incl_tax":179,"tax_amount":0,"tax_percent":0,"discount_amount":0,"weight":2.1,"row_weight":4.2,"store_id":1,"created_at":"2025-03-14 09:26:41","updated_at":"2025-03-14 09:26:41"},{"item_id":2103,"order_id":1042,"quote_item_id":5503,"product_id":900,"sku":"SRV-INSTALL","name":"Installation service","product_type":"virtual","is_virtual":1,"qty_ordered":1,"price":120,"base_price":120,"original_price":120,"price_incl_tax":120,"row_total":120,"row_total_incl_tax":120,"tax_amount":0,"tax_percent":0,"discount_amount":0,"row_weight":0,"store_id":1,"created_at":"2025-03-14 09:26:41","updated_at":"2025-03-14 09:26:41"}],"billing_address":{"address_type":"billing","entity_id":2085,"parent_id":1042,"firstname":"Jane","lastname":"Doe","email":"jane.doe@example.com","street":["123 Oak Ave","Suite 4"],"city":"Purchase","region":"New York","region_code":"NY","region_id":43,"postcode":"10577","country_id":"US","telephone":"512-555-1111"},"payment":{"entity_id":1042,"parent_id":1042,"method":"checkmo","amount_ordered":813,"base_amount_ordered":813,"shipping_amount":15,"additional_information":["Check / Money order"]},"status_histories":[],"extension_attributes":{"shipping_assignments":[{"shipping":{"address":{"address_type":"shipping","entity_id":2084,"parent_id":1042,"firstname":"Jane","lastname":"Doe","email":"jane.doe@example.com","street":["123 Oak Ave","Suite 4"],"city":"Purchase","region":"New York","region_code":"NY","region_id":43,"postcode":"10577","country_id":"US","telephone":"512-555-1111"},"method":"flatrate_flatrate","total":{"shipping_amount":15,"base_shipping_amount":15,"shipping_incl_tax":15,"shipping_tax_amount":0,"shipping_discount_amount":0}},"items":[{"item_id":2101,"order_id":1042,"sku":"EM-X200","name":"Espresso Machine X200","product_type":"simple","is_virtual":0,"qty_ordered":1,"price":499,"row_total":499},{"item_id":2102,"order_id":1042,"sku":"CG-G5","name":"Coffee Grinder G5","product_type":"simple","is_virtual":0,"qty_ordered":2,"price":89.5,"row_total":179},{"item_id":2103,"order_id":1042,"sku":"SRV-INSTALL","name":"Installation service","product_type":"virtual","is_virtual":1,"qty_ordered":1,"price":120,"row_total":120}]}]}}
""";

    /// <summary>The sample order, with another entity id, increment id and creation time when given.</summary>
    public static JsonObject Create(long entityId = 1042, string? createdAt = null)
    {
        var order = JsonNode.Parse(Json)!.AsObject();
        order["entity_id"] = entityId;
        order["increment_id"] = $"{entityId:D9}";
        if (createdAt is not null)
        {
            order["created_at"] = createdAt;
            order["updated_at"] = createdAt;
        }

        return order;
    }
}
