using FlowDesigner.Model.Descriptors;

namespace FlowDesigner.Connectors.ServiceNow;

/// <summary>The settings the ServiceNow nodes share.</summary>
public static class ServiceNowProperties
{
    public static PropertyDescriptor Table { get; } = Property.Text("table", "Table").WithDefault("incident") with
    {
        Required = true,
        Help = "The table's name, such as incident, sc_task or change_request.",
    };

    public static PropertyDescriptor SysId { get; } = Property.Text("sysId", "Record sys_id") with { Required = true, Placeholder = "{{ steps[\"Create incident\"].sys_id }}" };

    public static PropertyDescriptor Fields { get; } = Property.Json("fields", "Fields") with
    {
        Required = true,
        Placeholder = "{ \"short_description\": \"Installation for order {{ trigger.increment_id }}\", \"urgency\": \"3\" }",
        Help = "Column names and values, as a JSON object. ServiceNow takes every value as text.",
    };

    public static string TablePath(string table) => $"/api/now/table/{Uri.EscapeDataString(table)}";
}
