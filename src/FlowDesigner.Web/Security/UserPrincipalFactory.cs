using System.Security.Claims;
using FlowDesigner.Persistence.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace FlowDesigner.Web.Security;

/// <summary>Puts the user's one role and display name into the sign-in cookie beside Identity's own claims.</summary>
internal sealed class UserPrincipalFactory(UserManager<UserEntity> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<UserEntity>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(UserEntity user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(ClaimTypes.Role, user.Role.ToString()));
        identity.AddClaim(new Claim(UserClaims.DisplayName, user.DisplayName));
        return identity;
    }
}
