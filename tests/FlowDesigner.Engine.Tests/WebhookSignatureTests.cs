using System.Buffers;
using System.Text;
using FlowDesigner.Engine.Webhooks;
using Microsoft.AspNetCore.Http;

namespace FlowDesigner.Engine.Tests;

/// <summary>Each signature scheme against its published example, with the clock fixed at the example's time.</summary>
public sealed class WebhookSignatureTests
{
    // https://github.com/standard-webhooks/standard-webhooks/blob/main/spec/standard-webhooks.md (the spec's example)
    private const string StandardSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private const string StandardBody = """{"test": 2432232314}""";
    private static readonly DateTimeOffset StandardTime = DateTimeOffset.FromUnixTimeSeconds(1614265330);

    // Stripe publishes its scheme (https://docs.stripe.com/webhooks#verify-manually) but no example with its secret;
    // Mux signs in the same scheme and publishes one (https://hexdocs.pm/mux/Mux.Webhooks.TestUtils.html).
    private const string StripeHeader = "t=1591664030,v1=e43496b6aae982c4c2fd6f8e92935f1d90216f1f64d56024e72390acfb988272";
    private static readonly DateTimeOffset StripeTime = DateTimeOffset.FromUnixTimeSeconds(1591664030);

    [Fact]
    public void StandardWebhooks_TakesTheSpecsExample_AtItsTime()
    {
        var headers = StandardHeaders("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");

        Assert.Null(StandardWebhooksCheck.Refusal(StandardSecret, headers, Body(StandardBody), StandardTime.AddSeconds(30)));
    }

    [Fact]
    public void StandardWebhooks_TakesTheMatchingSignature_AmongSeveral()
    {
        var headers = StandardHeaders("v1,bm9wZQ== v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");

        Assert.Null(StandardWebhooksCheck.Refusal(StandardSecret, headers, Body(StandardBody), StandardTime));
    }

    [Fact]
    public void StandardWebhooks_RefusesAWrongSignature_AndAChangedBody()
    {
        var wrong = StandardWebhooksCheck.Refusal(StandardSecret, StandardHeaders("v1,Kb0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1O="), Body(StandardBody), StandardTime);
        var changed = StandardWebhooksCheck.Refusal(
            StandardSecret, StandardHeaders("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="), Body("""{"test": 2432232315}"""), StandardTime);

        Assert.Contains("No v1 signature in webhook-signature matches", wrong);
        Assert.Contains("No v1 signature in webhook-signature matches", changed);
    }

    [Fact]
    public void StandardWebhooks_RefusesAStaleOrFutureTimestamp()
    {
        var headers = StandardHeaders("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");

        var stale = StandardWebhooksCheck.Refusal(StandardSecret, headers, Body(StandardBody), StandardTime.AddMinutes(5).AddSeconds(1));
        var future = StandardWebhooksCheck.Refusal(StandardSecret, headers, Body(StandardBody), StandardTime.AddMinutes(-6));

        Assert.Contains("timestamp is 301 s old", stale);
        Assert.Contains("in the future", future);
    }

    [Fact]
    public void StandardWebhooks_RefusesARequestWithoutItsHeaders()
    {
        var refusal = StandardWebhooksCheck.Refusal(StandardSecret, new HeaderDictionary(), Body(StandardBody), StandardTime);

        Assert.Contains("lacks the webhook-id, webhook-timestamp and webhook-signature headers", refusal);
    }

    [Fact]
    public void Stripe_TakesThePublishedExample_AtItsTime()
    {
        var headers = new HeaderDictionary { [StripeSignatureCheck.Header] = StripeHeader };

        Assert.Null(StripeSignatureCheck.Refusal("SuperSecret123", headers, Body("payload"), StripeTime.AddSeconds(5)));
    }

    [Fact]
    public void Stripe_RefusesAWrongSignature_AStaleTimestamp_AndAMissingHeader()
    {
        var wrongSecret = StripeSignatureCheck.Refusal("OtherSecret", new HeaderDictionary { [StripeSignatureCheck.Header] = StripeHeader }, Body("payload"), StripeTime);
        var stale = StripeSignatureCheck.Refusal("SuperSecret123", new HeaderDictionary { [StripeSignatureCheck.Header] = StripeHeader }, Body("payload"), StripeTime.AddMinutes(10));
        var missing = StripeSignatureCheck.Refusal("SuperSecret123", new HeaderDictionary(), Body("payload"), StripeTime);

        Assert.Contains("No v1 signature in Stripe-Signature matches", wrongSecret);
        Assert.Contains("timestamp is 600 s old", stale);
        Assert.Contains("No Stripe-Signature header", missing);
    }

    [Fact]
    public void GitHub_TakesTheDocsExample_AndRefusesAWrongOne()
    {
        // https://docs.github.com/en/webhooks/using-webhooks/validating-webhook-deliveries#testing-the-webhook-payload-validation
        const string secret = "It's a Secret to Everybody";
        var right = new HeaderDictionary { [BodySignatureCheck.GitHubHeader] = "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17" };
        var wrong = new HeaderDictionary { [BodySignatureCheck.GitHubHeader] = "sha256=857107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17" };

        Assert.Null(BodySignatureCheck.Refusal(secret, right, Body("Hello, World!"), BodySignatureCheck.GitHubHeader, base64: false));
        Assert.Contains("does not match", BodySignatureCheck.Refusal(secret, wrong, Body("Hello, World!"), BodySignatureCheck.GitHubHeader, base64: false));
    }

    [Fact]
    public void Shopify_TakesABase64Digest_AndRefusesAWrongOne()
    {
        // Shopify publishes the scheme but no example with its secret; this digest was made with
        // `printf '<body>' | openssl dgst -sha256 -hmac hush -binary | base64`.
        const string body = """{"id":820982911946154508,"email":"jon@example.com"}""";
        var right = new HeaderDictionary { [BodySignatureCheck.ShopifyHeader] = "D0UMXmhjwBRi4y66TmhJrDlhQABD7zI2fm3p6/QLMo8=" };

        Assert.Null(BodySignatureCheck.Refusal("hush", right, Body(body), BodySignatureCheck.ShopifyHeader, base64: true));
        Assert.Contains("does not match", BodySignatureCheck.Refusal("hush!", right, Body(body), BodySignatureCheck.ShopifyHeader, base64: true));
    }

    [Theory]
    [InlineData("0f450c5e6863c01462e32eba4e6849ac3961400043ef32367e6de9ebf40b328f", false)]
    [InlineData("sha256=0F450C5E6863C01462E32EBA4E6849AC3961400043EF32367E6DE9EBF40B328F", false)]
    [InlineData("D0UMXmhjwBRi4y66TmhJrDlhQABD7zI2fm3p6/QLMo8=", true)]
    public void GenericHmac_TakesHexOrBase64_InTheNamedHeader(string signature, bool base64)
    {
        var headers = new HeaderDictionary { ["X-Partner-Signature"] = signature };

        Assert.Null(BodySignatureCheck.Refusal("hush", headers, Body("""{"id":820982911946154508,"email":"jon@example.com"}"""), "X-Partner-Signature", base64));
        Assert.Contains("No X-Other header", BodySignatureCheck.Refusal("hush", headers, Body("{}"), "X-Other", base64));
    }

    [Fact]
    public void Hmac_OverASplitBody_EqualsTheDigestOfTheWhole()
    {
        var first = new Segment(Encoding.UTF8.GetBytes("Hello, "));
        var last = first.Append(Encoding.UTF8.GetBytes("World!"));
        var split = new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);

        Assert.Equal(Signatures.Hmac("It's a Secret to Everybody", "", Body("Hello, World!")), Signatures.Hmac("It's a Secret to Everybody", "", split));
    }

    private static HeaderDictionary StandardHeaders(string signature) => new()
    {
        ["webhook-id"] = "msg_p5jXN8AQM9LWM0D4loKWxJek",
        ["webhook-timestamp"] = "1614265330",
        ["webhook-signature"] = signature,
    };

    private static ReadOnlySequence<byte> Body(string text) => new(Encoding.UTF8.GetBytes(text));

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory) => Memory = memory;

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory) { RunningIndex = RunningIndex + Memory.Length };
            Next = next;
            return next;
        }
    }
}
