using System.Security.Claims;
using FlowDesigner.Model.Users;

namespace FlowDesigner.Web.Security;

/// <summary>What a signed-in principal carries: the user's id, name and one role.</summary>
public static class UserClaims
{
    public static Role? RoleOf(ClaimsPrincipal principal) =>
        principal.Identity?.IsAuthenticated == true && Enum.TryParse<Role>(principal.FindFirstValue(ClaimTypes.Role), out var role) ? role : null;

    public static bool IsAtLeast(ClaimsPrincipal principal, Role role) => RoleOf(principal) is { } held && held >= role;

    /// <summary>The principal as the services see it; the name is the display name the user had when the principal was made.</summary>
    public static Actor ActorOf(ClaimsPrincipal principal) =>
        principal.FindFirstValue(ClaimTypes.NameIdentifier) is { Length: > 0 } id
            ? new Actor(id, principal.FindFirstValue(DisplayName) ?? principal.Identity?.Name ?? id)
            : throw new InvalidOperationException("No user is signed in.");

    /// <summary>The claim holding the user's display name beside the email that Identity puts in the name claim.</summary>
    public const string DisplayName = "fd:display-name";

    public static IEnumerable<Claim> For(string id, string email, string displayName, Role role) =>
    [
        new(ClaimTypes.NameIdentifier, id),
        new(ClaimTypes.Name, email),
        new(DisplayName, displayName),
        new(ClaimTypes.Role, role.ToString()),
    ];
}
