using FlowDesigner.Engine.Credentials;
using FlowDesigner.Web.Components.Credentials;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace FlowDesigner.Web.Components.Designer;

/// <summary>Picks the stored credential a node signs in with, among those of the types the node accepts; or creates one.</summary>
public sealed partial class CredentialPicker
{
    private IReadOnlyList<CredentialSummary> _choices = [];
    private string _loadedTypes = "";
    private bool _loaded;
    private bool _mayCreate; // credentials are kept by Admins; a Designer picks among them by name

    [Inject]
    private CredentialService Credentials { get; set; } = default!;

    [Inject]
    private Security.CurrentUser User { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    /// <summary>The credential type keys the node accepts. Required.</summary>
    [Parameter]
    public IReadOnlyList<string> Types { get; set; } = [];

    /// <summary>Whether the node must have one. Default false.</summary>
    [Parameter]
    public bool Required { get; set; }

    /// <summary>The chosen credential's id; null for none.</summary>
    [Parameter]
    public string? Value { get; set; }

    [Parameter]
    public EventCallback<string?> ValueChanged { get; set; }

    /// <summary>The validator's word on the choice, if any.</summary>
    [Parameter]
    public string? Error { get; set; }

    protected override async Task OnInitializedAsync() => _mayCreate = await User.MayAsync(Model.Users.Role.Admin);

    protected override async Task OnParametersSetAsync()
    {
        var types = string.Join(',', Types);
        if (types != _loadedTypes)
        {
            _loadedTypes = types;
            await LoadAsync();
        }
    }

    private async Task LoadAsync()
    {
        _choices = await Credentials.ListOfTypesAsync(Types, CancellationToken.None);
        _loaded = true;
    }

    private Task ChooseAsync(string? id) => ValueChanged.InvokeAsync(string.IsNullOrEmpty(id) ? null : id);

    private async Task CreateAsync()
    {
        if (await CredentialDialog.ShowAsync(Dialogs, null, Types.FirstOrDefault()) is { } id)
        {
            await LoadAsync();
            if (_choices.Any(c => c.Id == id))
            {
                await ChooseAsync(id.ToString());
            }
        }
    }
}
