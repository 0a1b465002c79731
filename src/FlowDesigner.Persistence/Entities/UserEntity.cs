using FlowDesigner.Model.Users;
using Microsoft.AspNetCore.Identity;

namespace FlowDesigner.Persistence.Entities;

/// <summary>A person who signs in: an ASP.NET Core Identity user with the product's one role and a display name.</summary>
public sealed class UserEntity : IdentityUser
{
    public string DisplayName { get; set; } = "";

    public Role Role { get; set; }

    /// <summary>A disabled user cannot sign in, and their API tokens are revoked.</summary>
    public bool Disabled { get; set; }

    public DateTime CreatedAt { get; set; }
}
