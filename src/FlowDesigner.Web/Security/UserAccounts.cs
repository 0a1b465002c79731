using System.Security.Cryptography;
using FlowDesigner.Model.Users;
using FlowDesigner.Persistence.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace FlowDesigner.Web.Security;

/// <summary>The people who sign in: the owner's creation, users by email, and a one-time password for one locked out.</summary>
public sealed class UserAccounts(UserManager<UserEntity> users, IAuditTrail audit, TimeProvider clock)
{
    public Task<bool> AnyAsync(CancellationToken cancellationToken) => users.Users.AnyAsync(cancellationToken);

    public Task<UserEntity?> FindByEmailAsync(string email) => users.FindByEmailAsync(email.Trim());

    /// <summary>Creates a user; the errors say what to change (a taken email, a short password), and nothing is written then.</summary>
    public async Task<(UserEntity? User, IReadOnlyList<string> Errors)> CreateAsync(
        string email, string displayName, string password, Role role, Actor actor, CancellationToken cancellationToken)
    {
        var trimmed = email.Trim();
        var user = new UserEntity
        {
            UserName = trimmed,
            Email = trimmed,
            DisplayName = string.IsNullOrWhiteSpace(displayName) ? trimmed : displayName.Trim(),
            Role = role,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded)
        {
            return (null, [.. result.Errors.Select(e => e.Description)]);
        }

        await audit.WriteAsync("user", user.Id, actor, "user.created", $"Created user {trimmed} as {role}", cancellationToken);
        return (user, []);
    }

    /// <summary>Gives the user a new random password, to be changed after signing in, and lifts a lockout.</summary>
    /// <returns>The password, shown once.</returns>
    public async Task<string?> ResetPasswordAsync(string email, Actor actor, CancellationToken cancellationToken)
    {
        if (await FindByEmailAsync(email) is not { } user)
        {
            return null;
        }

        var password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)).Replace('+', '-').Replace('/', '_');
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var result = await users.ResetPasswordAsync(user, token, password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }

        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await audit.WriteAsync("user", user.Id, actor, "user.password-reset", $"Reset the password of {user.Email}", cancellationToken);
        return password;
    }

    public static Actor ActorOf(UserEntity user) => new(user.Id, user.DisplayName);
}
