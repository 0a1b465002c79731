namespace FlowDesigner.Web.Security;

/// <summary>A user's two-factor sign-in: on or off, and while off, the key to add to an authenticator app.</summary>
/// <param name="Key">The shared key in groups of four, to type into the app.</param>
/// <param name="AppUri">The same key as an <c>otpauth://</c> address, which authenticator apps open.</param>
public sealed record TwoFactorState(bool Enabled, string Key, string AppUri);
