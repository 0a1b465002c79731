using FlowDesigner.Model.Users;
using Microsoft.Extensions.Options;

namespace FlowDesigner.Web.Security;

/// <summary>For unattended installs: creates the owner (an Admin) from <c>Owner:Email</c> and <c>Owner:Password</c> when no user exists yet.</summary>
internal sealed class OwnerStartup(IServiceScopeFactory scopes, IOptions<OwnerOptions> options, ILogger<OwnerStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value is not { Email: { Length: > 0 } email, Password: { Length: > 0 } password })
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<UserAccounts>();
        if (await accounts.AnyAsync(cancellationToken))
        {
            return;
        }

        var (owner, errors) = await accounts.CreateAsync(email, "Owner", password, Role.Admin, Actor.System, cancellationToken);
        if (owner is null)
        {
            throw new Persistence.StartupProblemException($"The owner from the Owner settings could not be created: {string.Join(" ", errors)}");
        }

        logger.LogInformation("Created the owner {Email} (an Admin) from the Owner settings", email);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
