using FlowDesigner.Model.Users;
using FlowDesigner.Persistence.Entities;
using Microsoft.AspNetCore.Identity;

namespace FlowDesigner.Web.Security;

/// <summary>
/// Signing in with a password and, when turned on, an authenticator code. Failures and lockouts go to the audit log
/// with the address they came from; locking follows Identity's counter (5 failures, 15 minutes).
/// </summary>
public sealed class AccountSignIn(SignInManager<UserEntity> signIn, IAuditTrail audit)
{
    public async Task<SignInOutcome> PasswordAsync(string email, string password, string from, CancellationToken cancellationToken)
    {
        email = email.Trim();
        var result = await signIn.PasswordSignInAsync(email, password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return SignInOutcome.Done;
        }

        if (result.RequiresTwoFactor)
        {
            return SignInOutcome.AskCode;
        }

        var user = await signIn.UserManager.FindByEmailAsync(email);
        return await RefuseAsync(result, user, email, from, cancellationToken);
    }

    /// <summary>The second step: a code from the authenticator app, or one of the recovery codes.</summary>
    public async Task<SignInOutcome> CodeAsync(string code, string from, CancellationToken cancellationToken)
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is not { } user)
        {
            return SignInOutcome.Refused("The sign-in took too long. Enter your email and password again.");
        }

        var cleaned = code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(cleaned, isPersistent: false, rememberClient: false);
        return result.Succeeded ? SignInOutcome.Done : await RefuseAsync(result, user, user.Email ?? user.Id, from, cancellationToken);
    }

    private async Task<SignInOutcome> RefuseAsync(SignInResult result, UserEntity? user, string email, string from, CancellationToken cancellationToken)
    {
        var entity = user?.Id ?? "";
        var anonymous = new Actor("anonymous", $"anonymous at {from}");
        if (result.IsLockedOut)
        {
            await audit.WriteAsync("user", entity, anonymous, "user.locked-out", $"Sign-in as {email} refused: locked out after repeated failures", cancellationToken);
            return SignInOutcome.Refused("This account is locked after repeated failed sign-ins. Try again in 15 minutes, or ask an Admin to reset the password.");
        }

        if (result.IsNotAllowed)
        {
            await audit.WriteAsync("user", entity, anonymous, "user.sign-in-failed", $"Sign-in as {email} refused: the account is disabled", cancellationToken);
            return SignInOutcome.Refused("This account is disabled. Ask an Admin to enable it.");
        }

        await audit.WriteAsync("user", entity, anonymous, "user.sign-in-failed", $"Failed sign-in as {email}", cancellationToken);
        return SignInOutcome.Refused("The email, password or code is wrong.");
    }
}
