using FlowDesigner.Model.Users;
using FlowDesigner.Engine.Credentials;
using FlowDesigner.Web.Components.Credentials;
using FlowDesigner.Web.Components.Shared;
using FlowDesigner.Web.Security;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace FlowDesigner.Web.Components.Pages;

/// <summary>The admin's credentials, grouped by type: create, edit, test, and delete unless a published workflow signs in with one.</summary>
public partial class Credentials
{
    private readonly TableGroupDefinition<CredentialSummary> _byType = new() { Indentation = false, Expandable = false, Selector = c => c.TypeName };
    private IReadOnlyList<CredentialSummary>? _items;
    private bool _busy;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private CredentialService Service { get; set; } = default!;

    [Inject]
    private CurrentUser User { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    private DateTime Now => Clock.GetUtcNow().UtcDateTime;

    protected override async Task OnInitializedAsync() => await ReloadAsync();

    private async Task ReloadAsync() =>
        _items = [.. (await Service.ListAsync(CancellationToken.None)).OrderBy(c => c.TypeName).ThenBy(c => c.Name, StringComparer.OrdinalIgnoreCase)];

    private async Task CreateAsync()
    {
        if (await CredentialDialog.ShowAsync(Dialogs, null) is not null)
        {
            Snackbar.Add("Credential saved.", Severity.Success);
            await ReloadAsync();
        }
    }

    private async Task EditAsync(CredentialSummary credential)
    {
        if (await CredentialDialog.ShowAsync(Dialogs, credential.Id) is not null)
        {
            await ReloadAsync();
        }
    }

    private async Task TestAsync(CredentialSummary credential)
    {
        _busy = true;
        try
        {
            Snackbar.Add($"Testing '{credential.Name}'…", Severity.Info);
            var outcome = await Service.TestAsync(credential.Id, await User.RequireAsync(Role.Admin), CancellationToken.None);
            Snackbar.Add($"{credential.Name}: {outcome.Message}", outcome.Succeeded ? Severity.Success : Severity.Error);
            await ReloadAsync();
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task DeleteAsync(CredentialSummary credential)
    {
        if (!await ConfirmDialog.AskAsync(Dialogs, $"Delete '{credential.Name}'?",
            "Its secrets are destroyed. Drafts that sign in with it will need another credential before they are published.", "Delete"))
        {
            return;
        }

        var users = await Service.DeleteAsync(credential.Id, await User.RequireAsync(Role.Admin), CancellationToken.None);
        if (users.Count > 0)
        {
            Snackbar.Add($"'{credential.Name}' was not deleted: the published workflow{(users.Count == 1 ? "" : "s")} {string.Join(", ", users.Select(u => $"'{u}'"))} sign{(users.Count == 1 ? "s" : "")} in with it. "
                + "Choose another credential there, or deactivate them, first.", Severity.Error, o =>
                {
                    o.RequireInteraction = true;
                    o.Action = "Open workflows";
                    o.OnClick = _ =>
                    {
                        Navigation.NavigateTo("workflows");
                        return Task.CompletedTask;
                    };
                });
            return;
        }

        Snackbar.Add($"Deleted '{credential.Name}'.", Severity.Success);
        await ReloadAsync();
    }
}
