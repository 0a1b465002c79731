namespace FlowDesigner.Model.Users;

/// <summary>
/// Who does something: a user's id, which stays theirs, and their name as it was when they did it. Every change and
/// audit entry records both.
/// </summary>
public sealed record Actor(string Id, string Name)
{
    /// <summary>The product itself (start-up, scheduled work), when no person acts.</summary>
    public static Actor System { get; } = new("system", "FlowDesigner");
}
