using FlowDesigner.Model.Definitions;
using FlowDesigner.Model.Descriptors;

namespace FlowDesigner.Connectors.Http;

/// <summary>Calls any HTTP API.</summary>
public sealed class HttpRequestNode : INodeType
{
    public NodeTypeDescriptor Descriptor { get; } = new("http.request", "HTTP request", NodeKind.Action, "HTTP")
    {
        Icon = "icons/http-request.svg",
        Description = "Calls a URL and goes on with the response; JSON responses are parsed. A status of 400 or more fails the step.",
        ExampleOutputJson = """{ "status": 200, "headers": { "content-type": "application/json" }, "body": {} }""",
        Properties =
        [
            Property.Select("method", "Method", ("POST", "POST"), ("GET", "GET"), ("PUT", "PUT"), ("PATCH", "PATCH"), ("DELETE", "DELETE")),
            Property.Text("url", "URL") with { Required = true, Placeholder = "https://api.example.com/orders" },
            Property.KeyValue("headers", "Headers"),
            Property.KeyValue("query", "Query parameters"),
            Property.Select("bodyType", "Body", ("json", "JSON"), ("form", "Form fields"), ("raw", "Raw text"), ("none", "None")) with
            {
                VisibleWhen = VisibleWhen.Is("method", "POST", "PUT", "PATCH", "DELETE"),
            },
            Property.Json("body", "JSON body") with { VisibleWhen = VisibleWhen.Is("bodyType", "json"), Placeholder = "{{ item }}" },
            Property.KeyValue("form", "Form fields") with { VisibleWhen = VisibleWhen.Is("bodyType", "form") },
            Property.Multiline("raw", "Raw body") with { VisibleWhen = VisibleWhen.Is("bodyType", "raw") },
            Property.Text("contentType", "Content type").WithDefault("text/plain") with { VisibleWhen = VisibleWhen.Is("bodyType", "raw") },
        ],
        OutputPorts = [PortDescriptor.Out, PortDescriptor.Error],
        CredentialTypes = HttpCredentialFields.GenericTypes,
        DefaultRetry = RetryPolicy.Exponential(3, 1),
        DefaultTimeoutSeconds = 30,
    };
}
