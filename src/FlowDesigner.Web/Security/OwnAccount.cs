using System.Security.Claims;
using FlowDesigner.Engine.Users;
using FlowDesigner.Model.Users;
using FlowDesigner.Persistence.Entities;
using Microsoft.AspNetCore.Identity;

namespace FlowDesigner.Web.Security;

/// <summary>What every signed-in user does to their own account: password, two-factor sign-in and personal API tokens. Each change is audited.</summary>
public sealed class OwnAccount(
    UserManager<UserEntity> users, SignInManager<UserEntity> signIn, ApiTokens tokens, IApiTokenStore tokenStore, IAuditTrail audit, TimeProvider clock)
{
    /// <returns>What to change; empty when the password was changed (the session carries on with it).</returns>
    public async Task<IReadOnlyList<string>> ChangePasswordAsync(ClaimsPrincipal principal, string current, string next, CancellationToken cancellationToken)
    {
        var user = await UserOf(principal);
        var result = await users.ChangePasswordAsync(user, current, next);
        if (!result.Succeeded)
        {
            return [.. result.Errors.Select(e => e.Code == "PasswordMismatch" ? "The current password is wrong." : e.Description)];
        }

        await signIn.RefreshSignInAsync(user);
        await audit.WriteAsync("user", user.Id, UserAccounts.ActorOf(user), "user.password-changed", $"{user.Email} changed their password", cancellationToken);
        return [];
    }

    public async Task<TwoFactorState> TwoFactorAsync(ClaimsPrincipal principal)
    {
        var user = await UserOf(principal);
        if (await users.GetTwoFactorEnabledAsync(user))
        {
            return new TwoFactorState(true, "", "");
        }

        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? "";
        }

        var grouped = string.Join(' ', key.ToLowerInvariant().Chunk(4).Select(c => new string(c)));
        var label = Uri.EscapeDataString($"FlowDesigner:{user.Email}");
        return new TwoFactorState(false, grouped, $"otpauth://totp/{label}?secret={key}&issuer=FlowDesigner&digits=6");
    }

    /// <summary>Turns two-factor sign-in on once the app's code proves the key was added.</summary>
    /// <returns>One-time recovery codes to keep, or null when the code is wrong.</returns>
    public async Task<IReadOnlyList<string>?> EnableTwoFactorAsync(ClaimsPrincipal principal, string code, CancellationToken cancellationToken)
    {
        var user = await UserOf(principal);
        var cleaned = code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, cleaned))
        {
            return null;
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        var recovery = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10) ?? [];
        await signIn.RefreshSignInAsync(user);
        await audit.WriteAsync("user", user.Id, UserAccounts.ActorOf(user), "user.two-factor-on", $"{user.Email} turned on two-factor sign-in", cancellationToken);
        return [.. recovery];
    }

    public async Task DisableTwoFactorAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        var user = await UserOf(principal);
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        await audit.WriteAsync("user", user.Id, UserAccounts.ActorOf(user), "user.two-factor-off", $"{user.Email} turned off two-factor sign-in", cancellationToken);
    }

    public async Task<IReadOnlyList<ApiTokenRecord>> TokensAsync(ClaimsPrincipal principal, CancellationToken cancellationToken) =>
        await tokenStore.ListAsync((await UserOf(principal)).Id, cancellationToken);

    /// <summary>Makes a personal token; its value is returned once.</summary>
    /// <exception cref="ArgumentException">The name is blank or too long.</exception>
    public async Task<(ApiTokenRecord Token, string Value)> CreateTokenAsync(ClaimsPrincipal principal, string name, int? expiresInDays, CancellationToken cancellationToken)
    {
        var user = await UserOf(principal);
        DateTime? expires = expiresInDays is int days && days > 0 ? clock.GetUtcNow().UtcDateTime.AddDays(days) : null;
        return await tokens.CreateAsync(user.Id, name, expires, UserAccounts.ActorOf(user), cancellationToken);
    }

    /// <summary>Revokes one of the user's own tokens; false when it is not theirs or was revoked already.</summary>
    public async Task<bool> RevokeTokenAsync(ClaimsPrincipal principal, Guid tokenId, CancellationToken cancellationToken)
    {
        var user = await UserOf(principal);
        var own = await tokenStore.ListAsync(user.Id, cancellationToken);
        return own.Any(t => t.Id == tokenId) && await tokenStore.RevokeAsync(tokenId, UserAccounts.ActorOf(user), cancellationToken);
    }

    private async Task<UserEntity> UserOf(ClaimsPrincipal principal) =>
        await users.GetUserAsync(principal) ?? throw new InvalidOperationException("The signed-in user no longer exists.");
}
