using FlowDesigner.Engine.Users;
using FlowDesigner.Model.Users;
using FlowDesigner.Persistence;
using FlowDesigner.Web.Security;

namespace FlowDesigner.Web.Hosting;

/// <summary>
/// The program's commands for scripts and locked-out owners, run with the host's own settings (its data folder):
/// <c>token create --user EMAIL --name NAME [--expires-days N]</c> prints a new API token as its last line;
/// <c>user reset-password --user EMAIL</c> prints a one-time password. On a new install the owner is first created from
/// the Owner settings, as the host would at start-up, so that a script can make a token before the first start.
/// </summary>
public static class CommandLine
{
    private const string Usage = """
        Commands:
          token create --user EMAIL --name NAME [--expires-days N]   makes an API token for the user; the token is the last line
          user reset-password --user EMAIL                            gives the user a one-time password and lifts a lockout
        """;

    public static bool IsCommand(string[] args) => args is ["token", ..] or ["user", ..];

    /// <returns>The exit code: 0 done, 2 wrong usage or an unknown user.</returns>
    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        await services.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);
        await services.GetRequiredService<OwnerStartup>().CreateFromSettingsAsync(CancellationToken.None); // an unattended install's owner, before its first start
        await using var scope = services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<UserAccounts>();
        if (Option(args, "--user") is not { } email)
        {
            return Fail("Name the user with --user EMAIL.");
        }

        if (await accounts.FindByEmailAsync(email) is not { } user)
        {
            return Fail($"No user has the email {email}.");
        }

        var actor = new Actor(user.Id, $"{user.DisplayName} (command line)");
        switch (args)
        {
            case ["token", "create", ..]:
                if (Option(args, "--name") is not { } name)
                {
                    return Fail("Name the token with --name NAME, saying what uses it.");
                }

                DateTime? expires = int.TryParse(Option(args, "--expires-days"), out var days) && days > 0 ? DateTime.UtcNow.AddDays(days) : null;
                var (token, value) = await services.GetRequiredService<ApiTokens>().CreateAsync(user.Id, name, expires, actor, CancellationToken.None);
                Console.WriteLine($"API token '{token.Name}' for {user.Email}{(expires is { } at ? $", valid until {at:yyyy-MM-dd} UTC" : "")}. It is shown only now:");
                Console.WriteLine(value);
                return 0;

            case ["user", "reset-password", ..]:
                var password = await accounts.ResetPasswordAsync(email, actor, CancellationToken.None);
                Console.WriteLine($"A one-time password for {user.Email}; change it after signing in:");
                Console.WriteLine(password);
                return 0;

            default:
                return Fail("Unknown command.");
        }
    }

    private static string? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length && !args[at + 1].StartsWith("--", StringComparison.Ordinal) ? args[at + 1] : null;
    }

    private static int Fail(string problem)
    {
        Console.Error.WriteLine(problem);
        Console.Error.WriteLine(Usage);
        return 2;
    }
}
