using FlowDesigner.Model.Users;

namespace FlowDesigner.Web.Security;

/// <summary>One row of the Users page.</summary>
public sealed record UserSummary(string Id, string Email, string DisplayName, Role Role, bool Disabled, bool LockedOut, bool TwoFactor, DateTime CreatedAt);
