using FlowDesigner.Model.Users;
using FlowDesigner.Engine.Credentials;
using FlowDesigner.Model.Credentials;
using FlowDesigner.Model.Descriptors;
using FlowDesigner.Web.Security;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace FlowDesigner.Web.Components.Credentials;

/// <summary>
/// Creates or edits a credential: a form from its type's descriptor. Stored secrets show as "set" with a Replace
/// button; their values never reach the browser. Save and test stores the form and signs in with it.
/// </summary>
public partial class CredentialDialog
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _replacing = [];
    private IReadOnlySet<string> _setSecrets = new HashSet<string>();
    private IReadOnlyDictionary<string, string> _problems = new Dictionary<string, string>();
    private CredentialTestOutcome? _testOutcome;
    private string? _type;
    private string _name = "";
    private string? _unreadable;
    private DateTime? _revision;
    private Guid? _savedId;
    private bool _loading = true;
    private bool _busy;
    private bool _savedOnce;

    [CascadingParameter]
    private IMudDialogInstance Dialog { get; set; } = default!;

    [Inject]
    private CredentialService Credentials { get; set; } = default!;

    [Inject]
    private NodeCatalog Catalog { get; set; } = default!;

    [Inject]
    private CurrentUser User { get; set; } = default!;

    /// <summary>The credential to edit; null (the default) creates one.</summary>
    [Parameter]
    public Guid? CredentialId { get; set; }

    /// <summary>The type a new credential starts with, such as the one a node asks for. Default: the first by name.</summary>
    [Parameter]
    public string? InitialType { get; set; }

    private CredentialTypeDescriptor? Type => _type is null ? null : Catalog.FindCredentialType(_type);

    /// <summary>Shows the dialog; returns the id of the credential saved, or null when nothing was saved.</summary>
    public static async Task<Guid?> ShowAsync(IDialogService dialogs, Guid? credentialId, string? initialType = null)
    {
        var parameters = new DialogParameters<CredentialDialog> { { d => d.CredentialId, credentialId }, { d => d.InitialType, initialType } };
        var options = new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true };
        var dialog = await dialogs.ShowAsync<CredentialDialog>(credentialId is null ? "New credential" : "Edit credential", parameters, options);
        var result = await dialog.Result;
        return result is { Canceled: false, Data: Guid id } ? id : null;
    }

    protected override async Task OnInitializedAsync()
    {
        if (CredentialId is { } id && await Credentials.OpenAsync(id, CancellationToken.None) is { } form)
        {
            _savedId = form.Id;
            _type = form.Type;
            _name = form.Name;
            _revision = form.UpdatedAt;
            _setSecrets = form.SetSecrets;
            _unreadable = form.Problem;
            foreach (var (field, value) in form.Values)
            {
                _values[field] = value;
            }
        }
        else
        {
            ChooseType(InitialType ?? Catalog.CredentialTypes.OrderBy(t => t.DisplayName).First().Key);
        }

        _loading = false;
    }

    private void ChooseType(string type)
    {
        _type = type;
        _values.Clear();
        foreach (var field in Type!.Fields.Where(f => f.Default is not null))
        {
            _values[field.Name] = field.Default!;
        }

        _problems = new Dictionary<string, string>();
    }

    private string Value(CredentialFieldDescriptor field) => _values.GetValueOrDefault(field.Name) ?? "";

    private void SetValue(CredentialFieldDescriptor field, string? value) => _values[field.Name] = value ?? "";

    private async Task SaveAsync()
    {
        if (await StoreAsync())
        {
            Dialog.Close(DialogResult.Ok(_savedId!.Value));
        }
    }

    private async Task SaveAndTestAsync()
    {
        if (!await StoreAsync())
        {
            return;
        }

        _busy = true;
        try
        {
            _testOutcome = await Credentials.TestAsync(_savedId!.Value, await User.RequireAsync(Role.Admin), CancellationToken.None);
        }
        finally
        {
            _busy = false;
        }
    }

    /// <summary>Saves the form; afterwards the form holds the saved revision, and typed secrets are forgotten here.</summary>
    private async Task<bool> StoreAsync()
    {
        _busy = true;
        _testOutcome = null;
        try
        {
            var input = new CredentialInput(_savedId, _type!, _name, new Dictionary<string, string>(_values), _revision);
            var result = await Credentials.SaveAsync(input, await User.RequireAsync(Role.Admin), CancellationToken.None);
            _problems = result.Problems;
            if (!result.Succeeded)
            {
                return false;
            }

            _savedOnce = true;
            _savedId = result.Saved!.Id;
            await Dialog.SetTitleAsync("Edit credential");
            if (await Credentials.OpenAsync(_savedId.Value, CancellationToken.None) is { } saved)
            {
                _revision = saved.UpdatedAt;
                _setSecrets = saved.SetSecrets;
                _unreadable = saved.Problem;
                _values.Clear();
                foreach (var (field, value) in saved.Values)
                {
                    _values[field] = value;
                }
            }

            _replacing.Clear();
            return true;
        }
        finally
        {
            _busy = false;
        }
    }

    private void Close()
    {
        if (_savedOnce)
        {
            Dialog.Close(DialogResult.Ok(_savedId!.Value));
        }
        else
        {
            Dialog.Cancel();
        }
    }
}
