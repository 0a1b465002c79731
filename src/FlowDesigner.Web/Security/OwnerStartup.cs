using FlowDesigner.Model.Users;
using FlowDesigner.Persistence;
using Microsoft.Extensions.Options;

namespace FlowDesigner.Web.Security;

/// <summary>
/// Before the host listens: creates the owner (an Admin) from <c>Owner:Email</c> and <c>Owner:Password</c> when no user
/// exists yet, for unattended installs; and with no owner and no such settings, refuses to listen beyond loopback, since
/// whoever reached the set-up page first would own the product.
/// </summary>
public sealed class OwnerStartup(
    IServiceScopeFactory scopes, IOptions<OwnerOptions> options, IConfiguration configuration, OwnerGate gate, ILogger<OwnerStartup> logger)
    : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        if (await CreateFromSettingsAsync(cancellationToken) || await gate.ExistsAsync(cancellationToken))
        {
            return;
        }

        if (ListenAddresses.BeyondLoopback(configuration) is [_, ..] open)
        {
            throw new StartupProblemException(
                $"There is no owner yet, and the host is set to listen on {string.Join(", ", open)}, beyond this machine. "
                + "Start it once on loopback (the default, http://localhost:5080) and create the owner on the set-up page, "
                + "or give Owner:Email and Owner:Password in the settings or environment (Owner__Email, Owner__Password).");
        }
    }

    /// <summary>
    /// Creates the owner from the Owner settings when they are given and no user exists yet; the host does it before it
    /// listens, and the command line before its command, so that a script can make a token before the first start.
    /// </summary>
    /// <returns>True when the owner was created now.</returns>
    public async Task<bool> CreateFromSettingsAsync(CancellationToken cancellationToken)
    {
        if (options.Value is not { Email: { Length: > 0 } email, Password: { Length: > 0 } password } || await gate.ExistsAsync(cancellationToken))
        {
            return false;
        }

        await using var scope = scopes.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<UserAccounts>();
        var (owner, errors) = await accounts.CreateAsync(email, "Owner", password, Role.Admin, Actor.System, cancellationToken);
        if (owner is null)
        {
            throw new StartupProblemException($"The owner from the Owner settings could not be created: {string.Join(" ", errors)}");
        }

        gate.OwnerCreated();
        logger.LogInformation("Created the owner {Email} (an Admin) from the Owner settings", email);
        return true;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
