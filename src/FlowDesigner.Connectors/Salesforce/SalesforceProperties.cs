using FlowDesigner.Model.Descriptors;

namespace FlowDesigner.Connectors.Salesforce;

/// <summary>The settings the Salesforce nodes share.</summary>
public static class SalesforceProperties
{
    public static PropertyDescriptor Object(string example) => Property.Text("object", "Object") with
    {
        Required = true,
        Placeholder = example,
        Help = "The sObject's API name, such as Account, Order or a custom object (Invoice__c).",
    };

    public static PropertyDescriptor Fields { get; } = Property.Json("fields", "Fields") with
    {
        Required = true,
        Placeholder = "{ \"Status\": \"Draft\", \"EffectiveDate\": \"{{ trigger.created_at }}\" }",
        Help = "Field API names and values, as a JSON object.",
    };

    public static PropertyDescriptor RecordId { get; } = Property.Text("recordId", "Record id") with { Required = true, Placeholder = "{{ steps[\"Create order\"].id }}" };

    /// <summary>Turns a key into a path segment: ids and external id values may hold characters a URL path does not.</summary>
    public static string Segment(string value) => Uri.EscapeDataString(value);
}
