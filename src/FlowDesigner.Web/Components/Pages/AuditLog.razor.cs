using FlowDesigner.Model.Users;
using FlowDesigner.Web.Security;
using Microsoft.AspNetCore.Components;

namespace FlowDesigner.Web.Components.Pages;

/// <summary>The audit log for Admins: newest first, paged on the server, narrowed by user, kind and dates. It only reads.</summary>
public partial class AuditLog
{
    private const int PageSize = 50;

    private readonly List<AuditEntryRecord> _entries = [];
    private IReadOnlyList<(string Id, string Name)> _actors = [];
    private string? _actorId;
    private AuditKind? _kind;
    private DateTime? _from;
    private DateTime? _to;
    private bool _hasOlder;
    private bool _loaded;
    private bool _loading;

    [Inject]
    private IAuditLogReader Log { get; set; } = default!;

    [Inject]
    private UserAccounts Accounts { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        var users = await Accounts.ListAsync(CancellationToken.None);
        _actors = [.. users.Select(u => (u.Id, $"{u.DisplayName} ({u.Email})")), ("anonymous", "Anonymous (sign-in attempts)"), (Actor.System.Id, Actor.System.Name)];
        await ReloadAsync();
    }

    private static string KindName(AuditKind kind) => kind switch
    {
        AuditKind.SignIn => "Failed sign-ins and lockouts",
        AuditKind.User => "Users and roles",
        AuditKind.Token => "API tokens",
        _ => kind + "s",
    };

    private Task FilterByActorAsync(string? id) => FilterAsync(() => _actorId = id);

    private Task FilterByKindAsync(AuditKind? kind) => FilterAsync(() => _kind = kind);

    private Task FilterFromAsync(DateTime? date) => FilterAsync(() => _from = date);

    private Task FilterToAsync(DateTime? date) => FilterAsync(() => _to = date);

    private async Task FilterAsync(Action set)
    {
        set();
        await ReloadAsync();
    }

    private async Task ReloadAsync()
    {
        _entries.Clear();
        await LoadAsync(null);
    }

    private Task LoadOlderAsync() => LoadAsync(_entries.LastOrDefault()?.Id);

    private async Task LoadAsync(long? beforeId)
    {
        _loading = true;
        try
        {
            var query = new AuditQuery(_actorId, _kind, _from?.Date, _to?.Date.AddDays(1), beforeId, PageSize);
            var page = await Log.ListAsync(query, CancellationToken.None);
            _entries.AddRange(page.Entries);
            _hasOlder = page.HasOlder;
            _loaded = true;
        }
        finally
        {
            _loading = false;
        }
    }
}
