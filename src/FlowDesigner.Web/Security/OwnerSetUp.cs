using FlowDesigner.Model.Users;
using FlowDesigner.Persistence.Entities;
using Microsoft.AspNetCore.Identity;

namespace FlowDesigner.Web.Security;

/// <summary>The one-time set-up: creates the owner (an Admin) when no user exists, and signs them in.</summary>
public sealed class OwnerSetUp(UserAccounts accounts, OwnerGate gate, SignInManager<UserEntity> signIn)
{
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    /// <returns>What to change; empty when the owner was created and signed in.</returns>
    public async Task<IReadOnlyList<string>> CreateOwnerAsync(string email, string name, string password, CancellationToken cancellationToken)
    {
        await OneAtATime.WaitAsync(cancellationToken);
        try
        {
            if (await gate.ExistsAsync(cancellationToken))
            {
                return ["The owner exists already. Sign in instead."];
            }

            var (owner, errors) = await accounts.CreateAsync(email, name, password, Role.Admin, Actor.System, cancellationToken);
            if (owner is null)
            {
                return errors;
            }

            gate.OwnerCreated();
            await signIn.SignInAsync(owner, isPersistent: false);
            return [];
        }
        finally
        {
            OneAtATime.Release();
        }
    }
}
