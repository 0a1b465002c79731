using FlowDesigner.Model.Users;

namespace FlowDesigner.Testing;

/// <summary>The people tests act as.</summary>
public static class TestActors
{
    public static Actor Ann { get; } = new("user-ann", "ann");

    public static Actor Admin { get; } = new("user-admin", "admin");

    public static Actor Analyst { get; } = new("user-analyst", "analyst");

    public static Actor Someone { get; } = new("user-someone", "someone else");

    public static Actor Test { get; } = new("user-test", "test");

    public static Actor Bob { get; } = new("user-bob", "bob");

    public static Actor Operator { get; } = new("user-operator", "operator");
}
