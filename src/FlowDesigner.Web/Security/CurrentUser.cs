using System.Security.Claims;
using FlowDesigner.Model.Users;
using Microsoft.AspNetCore.Components.Authorization;

namespace FlowDesigner.Web.Security;

/// <summary>
/// The person a page acts for. Every Blazor action asks here for the role it needs before it changes anything, and
/// passes the returned user (id and name) to the services, which write both to the audit log.
/// </summary>
public sealed class CurrentUser(AuthenticationStateProvider authentication)
{
    public async Task<ClaimsPrincipal> PrincipalAsync() => (await authentication.GetAuthenticationStateAsync()).User;

    /// <summary>Whether the user holds <paramref name="role"/> or one above it: what a page shows or hides.</summary>
    public async Task<bool> MayAsync(Role role) => UserClaims.IsAtLeast(await PrincipalAsync(), role);

    /// <summary>The user, when they hold <paramref name="role"/> or one above it.</summary>
    /// <exception cref="AccessRefusedException">They do not, or nobody is signed in.</exception>
    public async Task<Actor> RequireAsync(Role role)
    {
        var principal = await PrincipalAsync();
        return UserClaims.IsAtLeast(principal, role)
            ? UserClaims.ActorOf(principal)
            : throw new AccessRefusedException(role, UserClaims.RoleOf(principal));
    }
}
