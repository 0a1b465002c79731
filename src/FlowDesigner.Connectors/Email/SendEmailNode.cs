using FlowDesigner.Connectors.Shared;
using FlowDesigner.Model.Descriptors;

namespace FlowDesigner.Connectors.Email;

public sealed class SendEmailNode : INodeType
{
    public const string Key = "email.send";

    public NodeTypeDescriptor Descriptor { get; } = ConnectorNode.Action(Key, "Send email", "Email", SmtpCredential.Key,
        "Sends a message over SMTP: plain text and/or HTML, with attachments taken from step data.") with
    {
        Properties =
        [
            Property.Text("to", "To") with { Required = true, Placeholder = "{{ trigger.customer_email }}", Help = "Comma-separated addresses." },
            Property.Text("cc", "Cc") with { Help = "Comma-separated addresses." },
            Property.Text("from", "From") with { Help = "Empty: the credential's default sender." },
            Property.Text("subject", "Subject") with { Required = true, Placeholder = "Your order {{ trigger.increment_id }}" },
            Property.Multiline("text", "Text body"),
            Property.Multiline("html", "HTML body") with { Help = "When both are set, mail programs show the HTML and fall back to the text." },
            Property.Json("attachments", "Attachments") with
            {
                Placeholder = "[{ \"filename\": \"order.json\", \"content\": \"{{ JSON.stringify(trigger) }}\", \"contentType\": \"application/json\" }]",
                Help = "A list of { filename, content (text) or base64, contentType }.",
            },
        ],
        DefaultRetry = Model.Definitions.RetryPolicy.Exponential(3, 5),
    };
}
