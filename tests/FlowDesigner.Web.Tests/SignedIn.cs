using System.Security.Claims;
using Bunit;
using FlowDesigner.Model.Users;
using FlowDesigner.Testing;
using FlowDesigner.Web.Security;

namespace FlowDesigner.Web.Tests;

/// <summary>A bUnit context's user: signed in with one role, as the sign-in cookie would carry it.</summary>
internal static class SignedIn
{
    public static void As(BunitContext context, Role role, Actor? actor = null)
    {
        actor ??= TestActors.Ann;
        var authorization = context.AddAuthorization();
        authorization.SetAuthorized(actor.Name);
        authorization.SetRoles(role.ToString());
        authorization.SetClaims(new Claim(ClaimTypes.NameIdentifier, actor.Id), new Claim(UserClaims.DisplayName, actor.Name));
    }
}
