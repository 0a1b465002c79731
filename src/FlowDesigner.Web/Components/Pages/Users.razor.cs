using FlowDesigner.Model.Users;
using FlowDesigner.Web.Components.Shared;
using FlowDesigner.Web.Components.Users;
using FlowDesigner.Web.Security;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace FlowDesigner.Web.Components.Pages;

/// <summary>Admins keep the users here: create, set the role, disable, enable, delete, reset a password, revoke tokens.</summary>
public partial class Users
{
    private IReadOnlyList<UserSummary>? _users;
    private (string Email, string Password)? _oneTime;
    private bool _busy;

    [Inject]
    private UserAccounts Accounts { get; set; } = default!;

    [Inject]
    private IApiTokenStore Tokens { get; set; } = default!;

    [Inject]
    private CurrentUser User { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    protected override async Task OnInitializedAsync() => await LoadAsync();

    private async Task LoadAsync() => _users = await Accounts.ListAsync(CancellationToken.None);

    private async Task CreateAsync()
    {
        if (await NewUserDialog.AskAsync(Dialogs) is { } created)
        {
            _oneTime = created;
            await LoadAsync();
        }
    }

    private Task SetRoleAsync(UserSummary user, Role role) =>
        ChangeAsync(async actor => await Accounts.SetRoleAsync(user.Id, role, actor, CancellationToken.None), $"{user.Email} is now {RoleNames.WithArticle(role)}.");

    private async Task SetDisabledAsync(UserSummary user, bool disabled)
    {
        if (disabled && !await ConfirmDialog.AskAsync(Dialogs, $"Disable {user.Email}?",
                "They are signed out within a minute and cannot sign in again until enabled; their API tokens are revoked for good.", "Disable"))
        {
            return;
        }

        await ChangeAsync(actor => Accounts.SetDisabledAsync(user.Id, disabled, actor, CancellationToken.None), $"{user.Email} is {(disabled ? "disabled" : "enabled")}.");
    }

    private async Task DeleteAsync(UserSummary user)
    {
        if (await ConfirmDialog.AskAsync(Dialogs, $"Delete {user.Email}?",
                "Their account and API tokens go. What they changed keeps their name in the audit log and the workflow list.", "Delete"))
        {
            await ChangeAsync(actor => Accounts.DeleteAsync(user.Id, actor, CancellationToken.None), $"{user.Email} was deleted.");
        }
    }

    private async Task ResetPasswordAsync(UserSummary user)
    {
        if (!await ConfirmDialog.AskAsync(Dialogs, $"Reset the password of {user.Email}?",
                "Their current password stops working, and a lockout is lifted. You get a one-time password to give them.", "Reset"))
        {
            return;
        }

        if (await Accounts.ResetPasswordAsync(user.Email, await User.RequireAsync(Role.Admin), CancellationToken.None) is { } password)
        {
            _oneTime = (user.Email, password);
        }

        await LoadAsync();
    }

    private async Task RevokeTokensAsync(UserSummary user)
    {
        var revoked = await Tokens.RevokeAllAsync(user.Id, await User.RequireAsync(Role.Admin), CancellationToken.None);
        Snackbar.Add(revoked == 0 ? $"{user.Email} had no API token in use." : $"Revoked {revoked} API token{(revoked == 1 ? "" : "s")} of {user.Email}.", Severity.Info);
    }

    private async Task ChangeAsync(Func<Actor, Task<string?>> change, string done)
    {
        _busy = true;
        try
        {
            var problem = await change(await User.RequireAsync(Role.Admin));
            Snackbar.Add(problem ?? done, problem is null ? Severity.Success : Severity.Error);
            await LoadAsync();
        }
        finally
        {
            _busy = false;
        }
    }
}
