using System.Text;
using FlowDesigner.Connectors.Email;
using FlowDesigner.Model.Credentials;
using FlowDesigner.Model.Execution;
using FlowDesigner.Testing;

namespace FlowDesigner.Connectors.Tests;

public sealed class EmailTests : IAsyncLifetime
{
    private readonly ConnectorHarness _harness = new();
    private LoopbackSmtpServer _smtp = default!;

    public Task InitializeAsync()
    {
        _smtp = LoopbackSmtpServer.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _smtp.DisposeAsync();
        _harness.Dispose();
    }

    private CredentialValues Smtp(string password = LoopbackSmtpServer.Password) => ConnectorHarness.Credential(SmtpCredential.Key,
        ("host", "127.0.0.1"), ("port", _smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("security", "none"),
        ("username", LoopbackSmtpServer.User), ("password", password), ("from", "FlowDesigner <flows@example.com>"));

    [Fact]
    public async Task Send_DeliversTheMessage_WithBothBodiesAndAttachments()
    {
        var result = await _harness.RunAsync<SendEmailExecutor>(Smtp(), new
        {
            to = "jane.doe@example.com, ops@example.com",
            cc = "sales@example.com",
            subject = "Your order 000001042",
            text = "Thank you for your order.",
            html = "<p>Thank you for your <b>order</b>.</p>",
            attachments = new object[]
            {
                new { filename = "order.json", content = "{\"increment_id\":\"000001042\"}", contentType = "application/json" },
                new { filename = "logo.bin", base64 = Convert.ToBase64String([1, 2, 3]) },
            },
        });

        var message = Assert.Single(_smtp.Messages);
        Assert.Equal("Your order 000001042", message.Subject);
        Assert.Equal(["jane.doe@example.com", "ops@example.com"], message.To.Mailboxes.Select(m => m.Address));
        Assert.Equal("sales@example.com", message.Cc.Mailboxes.Single().Address);
        Assert.Equal("flows@example.com", message.From.Mailboxes.Single().Address);
        Assert.Equal("Thank you for your order.", message.TextBody?.Trim());
        Assert.Contains("<b>order</b>", message.HtmlBody);
        var attachments = message.Attachments.OfType<MimeKit.MimePart>().ToList();
        Assert.Equal(["order.json", "logo.bin"], attachments.Select(a => a.FileName));
        using var json = new MemoryStream();
        await attachments[0].Content!.DecodeToAsync(json);
        Assert.Equal("{\"increment_id\":\"000001042\"}", Encoding.UTF8.GetString(json.ToArray()));
        Assert.Equal(message.MessageId, result.Output.GetProperty("messageId").GetString());
    }

    [Fact]
    public async Task Send_Fails_WithoutRetry_WhenTheServerRefusesTheSignIn()
    {
        var error = await Assert.ThrowsAsync<StepFailedException>(() =>
            _harness.RunAsync<SendEmailExecutor>(Smtp("wrong"), new { to = "jane.doe@example.com", subject = "Hi", text = "Hello" }));

        Assert.False(error.Retryable);
        Assert.Contains("refused the sign-in of 'mailer'", error.Message);
        Assert.Empty(_smtp.Messages);
    }

    [Fact]
    public async Task Tester_ConnectsAndSignsIn()
    {
        var outcome = await _harness.Get<SmtpCredentialTester>().TestAsync(Smtp(), CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.Message);
        Assert.Contains("signed in as mailer", outcome.Message);
    }
}
