namespace FlowDesigner.Testing;

/// <summary>The owner (an Admin) the test hosts and the benchmark's product create from the Owner settings.</summary>
public static class TestOwner
{
    public const string Email = "owner@flowdesigner.test";

    public const string Password = "owner-password-for-tests";

    /// <summary>The settings that create the owner at start-up, as configuration keys.</summary>
    public static IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Owner:Email"] = Email,
        ["Owner:Password"] = Password,
    };
}
