using System.Security.Claims;
using System.Text.Encodings.Web;
using FlowDesigner.Engine.Users;
using FlowDesigner.Persistence.Entities;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace FlowDesigner.Web.Security;

/// <summary>
/// Signs in an <c>/api</c> request by its <c>Authorization: Bearer</c> personal token, acting with the token's user and
/// their role as they are now. A cookie is not looked at. Refusals answer with a problem that says what to send.
/// </summary>
internal sealed class ApiTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiTokens tokens, UserManager<UserEntity> users)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private const string BearerPrefix = "Bearer ";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (header is null || !header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        if (await tokens.ValidateAsync(header[BearerPrefix.Length..].Trim(), Context.RequestAborted) is not { } token)
        {
            return AuthenticateResult.Fail("The token is unknown, revoked or expired.");
        }

        if (await users.FindByIdAsync(token.UserId) is not { Disabled: false } user)
        {
            return AuthenticateResult.Fail("The token's user is disabled or deleted.");
        }

        var identity = new ClaimsIdentity(UserClaims.For(user.Id, user.Email ?? user.Id, user.DisplayName, user.Role), Scheme.Name);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        var failure = (await HandleAuthenticateOnceSafeAsync()).Failure?.Message;
        await WriteProblemAsync(StatusCodes.Status401Unauthorized, "An API token is needed",
            failure ?? "Send a personal API token as 'Authorization: Bearer fdt_...'. Make one on your account page, or with 'token create' on the command line; a sign-in cookie is not accepted here.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        var role = UserClaims.RoleOf(Context.User) is { } held ? RoleNames.WithArticle(held) : "without a role";
        return WriteProblemAsync(StatusCodes.Status403Forbidden, "Your role may not do this",
            $"The token's user is {role}; ask an Admin for a role that may {Request.Method} {Request.Path}.");
    }

    private Task WriteProblemAsync(int status, string title, string detail)
    {
        Response.StatusCode = status;
        return Results.Problem(title: title, detail: detail, statusCode: status).ExecuteAsync(Context);
    }
}
