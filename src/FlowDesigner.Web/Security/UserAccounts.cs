using System.Security.Cryptography;
using FlowDesigner.Model.Users;
using FlowDesigner.Persistence.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace FlowDesigner.Web.Security;

/// <summary>
/// The people who sign in, as Admins keep them: create, set the role, disable, enable, delete, reset a password. The
/// last active Admin can be neither demoted, disabled nor deleted. Every change is audited, and ends the user's other
/// sessions within a minute (a new security stamp); disabling or deleting also revokes their API tokens.
/// </summary>
public sealed class UserAccounts(UserManager<UserEntity> users, IApiTokenStore tokens, IAuditTrail audit, TimeProvider clock)
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

        var password = OneTimePassword();
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

    public async Task<IReadOnlyList<UserSummary>> ListAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var all = await users.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(cancellationToken);
        return [.. all.Select(u => new UserSummary(u.Id, u.Email ?? "", u.DisplayName, u.Role, u.Disabled, u.LockoutEnd > now, u.TwoFactorEnabled, u.CreatedAt))];
    }

    /// <returns>Why the role was not changed, or null when it was.</returns>
    public async Task<string?> SetRoleAsync(string id, Role role, Actor actor, CancellationToken cancellationToken)
    {
        if (await users.FindByIdAsync(id) is not { } user)
        {
            return "The user was deleted meanwhile.";
        }

        if (user.Role == role)
        {
            return null;
        }

        if (role != Role.Admin && await IsLastActiveAdminAsync(user, cancellationToken))
        {
            return $"{user.Email} is the last active Admin; make another user an Admin first.";
        }

        var was = user.Role;
        user.Role = role;
        return await SaveAsync(user, actor, "user.role-changed", $"Changed the role of {user.Email} from {was} to {role}", cancellationToken);
    }

    /// <returns>Why the user was not disabled or enabled, or null when they were.</returns>
    public async Task<string?> SetDisabledAsync(string id, bool disabled, Actor actor, CancellationToken cancellationToken)
    {
        if (await users.FindByIdAsync(id) is not { } user)
        {
            return "The user was deleted meanwhile.";
        }

        if (disabled && await IsLastActiveAdminAsync(user, cancellationToken))
        {
            return $"{user.Email} is the last active Admin; make another user an Admin first.";
        }

        user.Disabled = disabled;
        var problem = await SaveAsync(user, actor, disabled ? "user.disabled" : "user.enabled", $"{(disabled ? "Disabled" : "Enabled")} {user.Email}", cancellationToken);
        if (problem is null && disabled)
        {
            await tokens.RevokeAllAsync(user.Id, actor, cancellationToken);
        }

        return problem;
    }

    /// <returns>Why the user was not deleted, or null when they were.</returns>
    public async Task<string?> DeleteAsync(string id, Actor actor, CancellationToken cancellationToken)
    {
        if (await users.FindByIdAsync(id) is not { } user)
        {
            return null;
        }

        if (await IsLastActiveAdminAsync(user, cancellationToken))
        {
            return $"{user.Email} is the last active Admin; make another user an Admin first.";
        }

        await tokens.RevokeAllAsync(user.Id, actor, cancellationToken);
        var result = await users.DeleteAsync(user);
        if (!result.Succeeded)
        {
            return string.Join(" ", result.Errors.Select(e => e.Description));
        }

        await audit.WriteAsync("user", user.Id, actor, "user.deleted", $"Deleted user {user.Email} ({user.Role})", cancellationToken);
        return null;
    }

    private async Task<bool> IsLastActiveAdminAsync(UserEntity user, CancellationToken cancellationToken) =>
        user is { Role: Role.Admin, Disabled: false }
        && !await users.Users.AnyAsync(u => u.Id != user.Id && u.Role == Role.Admin && !u.Disabled, cancellationToken);

    private async Task<string?> SaveAsync(UserEntity user, Actor actor, string action, string summary, CancellationToken cancellationToken)
    {
        user.SecurityStamp = Guid.NewGuid().ToString("N"); // the user's open sessions end at their next check
        var result = await users.UpdateAsync(user);
        if (!result.Succeeded)
        {
            return string.Join(" ", result.Errors.Select(e => e.Description));
        }

        await audit.WriteAsync("user", user.Id, actor, action, summary, cancellationToken);
        return null;
    }

    /// <summary>A random password of 24 characters, for a new user or a reset, shown once.</summary>
    public static string OneTimePassword() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)).Replace('+', '-').Replace('/', '_');

    public static Actor ActorOf(UserEntity user) => new(user.Id, user.DisplayName);
}
