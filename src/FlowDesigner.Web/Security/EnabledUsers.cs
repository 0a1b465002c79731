using FlowDesigner.Persistence.Entities;
using Microsoft.AspNetCore.Identity;

namespace FlowDesigner.Web.Security;

/// <summary>A disabled user may not sign in: Identity asks this before every sign-in and answers "not allowed".</summary>
internal sealed class EnabledUsers : IUserConfirmation<UserEntity>
{
    public Task<bool> IsConfirmedAsync(UserManager<UserEntity> manager, UserEntity user) => Task.FromResult(!user.Disabled);
}
