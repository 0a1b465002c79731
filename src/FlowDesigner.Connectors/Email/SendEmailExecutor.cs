using System.Text;
using System.Text.Json;
using FlowDesigner.Connectors.Shared;
using FlowDesigner.Model.Execution;
using MimeKit;

namespace FlowDesigner.Connectors.Email;

/// <summary>
/// Builds the message with MimeKit and sends it. The Message-ID comes from the step's idempotency key, so that every
/// attempt of one step sends the same message id and a receiving system can tell a retry from a second mail.
/// </summary>
public sealed class SendEmailExecutor(SmtpSender smtp) : INodeExecutor
{
    public string NodeType => SendEmailNode.Key;

    public async Task<NodeResult> ExecuteAsync(NodeExecutionContext context, CancellationToken cancellationToken)
    {
        var credential = ConfigValues.Credential(context);
        var message = new MimeMessage { Subject = ConfigValues.Text(context, "subject", "Subject") };
        message.From.Add(Address(context, context.GetText("from").Trim() is { Length: > 0 } from ? from : credential.Require("from"), "From"));
        AddAll(message.To, context, ConfigValues.Text(context, "to", "To"), "To");
        AddAll(message.Cc, context, context.GetText("cc"), "Cc");
        message.MessageId = $"{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(context.IdempotencyKey)))[..32]}@flowdesigner";
        var body = new BodyBuilder { TextBody = Nullable(context.GetText("text")), HtmlBody = Nullable(context.GetText("html")) };
        if (body.TextBody is null && body.HtmlBody is null)
        {
            throw new StepFailedException($"'{context.NodeName}' needs a text or an HTML body.", retryable: false);
        }

        foreach (var (name, content, type) in Attachments(context))
        {
            body.Attachments.Add(name, content, ContentType.Parse(type));
        }

        message.Body = body.ToMessageBody();
        await smtp.SendAsync(credential, message, cancellationToken);
        return NodeResult.Of(new
        {
            messageId = message.MessageId,
            to = message.To.Mailboxes.Select(m => m.Address),
            cc = message.Cc.Mailboxes.Select(m => m.Address),
            subject = message.Subject,
            attachments = body.Attachments.Count,
        });
    }

    private static string? Nullable(string text) => string.IsNullOrWhiteSpace(text) ? null : text;

    private static void AddAll(InternetAddressList list, NodeExecutionContext context, string addresses, string label)
    {
        foreach (var address in addresses.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            list.Add(Address(context, address, label));
        }
    }

    private static MailboxAddress Address(NodeExecutionContext context, string text, string label) =>
        MailboxAddress.TryParse(text, out var address) && address.Address.Contains('@')
            ? address
            : throw new StepFailedException($"'{context.NodeName}': '{text}' in {label} is not an email address.", retryable: false);

    private static IEnumerable<(string Name, byte[] Content, string Type)> Attachments(NodeExecutionContext context)
    {
        var value = context.GetConfig("attachments");
        if (value is { ValueKind: JsonValueKind.String } text && text.GetString() is { Length: > 0 } raw)
        {
            value = JsonDocument.Parse(raw).RootElement.Clone();
        }

        if (value is not { ValueKind: JsonValueKind.Array } items)
        {
            yield break;
        }

        foreach (var item in items.EnumerateArray())
        {
            var name = item.TryGetProperty("filename", out var f) ? f.GetString() : null;
            if (string.IsNullOrWhiteSpace(name))
            {
                throw new StepFailedException($"'{context.NodeName}': every attachment needs a filename.", retryable: false);
            }

            byte[] content;
            if (item.TryGetProperty("base64", out var b64) && b64.ValueKind == JsonValueKind.String)
            {
                try
                {
                    content = Convert.FromBase64String(b64.GetString()!);
                }
                catch (FormatException)
                {
                    throw new StepFailedException($"'{context.NodeName}': the attachment '{name}' has base64 content that does not decode.", retryable: false);
                }
            }
            else
            {
                var part = item.TryGetProperty("content", out var c) ? c : default;
                content = Encoding.UTF8.GetBytes(part.ValueKind == JsonValueKind.String ? part.GetString()! : part.ValueKind == JsonValueKind.Undefined ? "" : part.GetRawText());
            }

            var type = item.TryGetProperty("contentType", out var t) && t.GetString() is { Length: > 0 } given ? given : "application/octet-stream";
            yield return (name, content, type);
        }
    }
}
