using FlowDesigner.Connectors.Shared;
using FlowDesigner.Model.Credentials;
using FlowDesigner.Model.Execution;

namespace FlowDesigner.Connectors.Http;

/// <summary>
/// Tests a generic HTTP credential: an OAuth2 one by fetching a token, any of them by a GET of its test URL when it
/// has one.
/// </summary>
public sealed class HttpCredentialTester(IHttpClientFactory httpClients, HttpAuthenticator authenticator) : ICredentialTester
{
    public IReadOnlyList<string> CredentialTypes => HttpCredentialFields.GenericTypes;

    public async Task<CredentialTestOutcome> TestAsync(CredentialValues credential, CancellationToken cancellationToken)
    {
        try
        {
            var got = "";
            if (credential.Type == OAuth2ClientCredential.Key)
            {
                var token = await authenticator.TokenAsync(credential, cancellationToken);
                got = token.ExpiresAt is { } expires ? $"A token was issued, valid until {expires:yyyy-MM-dd HH:mm} UTC. " : "A token was issued. ";
            }

            if (credential.Get("testUrl") is not { Length: > 0 } testUrl)
            {
                return credential.Type == OAuth2ClientCredential.Key
                    ? new CredentialTestOutcome(true, got.Trim())
                    : new CredentialTestOutcome(false, "Nothing to test against: fill in a test URL that answers 2xx when the credential is right.");
            }

            using var request = new HttpRequestMessage(HttpMethod.Get, VendorHttp.BaseUrl(testUrl, credential.Name, "test URL"));
            await authenticator.ApplyAsync(request, credential, cancellationToken);
            var reply = await VendorHttp.SendAsync(httpClients.CreateClient(ConnectorHttp.ClientName), request, "The test URL", cancellationToken);
            return reply.Succeeded
                ? new CredentialTestOutcome(true, $"{got}GET {testUrl} answered {reply.Code}.")
                : new CredentialTestOutcome(false, $"{got}GET {testUrl} answered {reply.Code}: {reply.Excerpt}");
        }
        catch (StepFailedException exception)
        {
            return new CredentialTestOutcome(false, exception.Message);
        }
    }
}
