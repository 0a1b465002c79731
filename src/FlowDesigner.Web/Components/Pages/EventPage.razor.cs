using FlowDesigner.Model.Events;
using FlowDesigner.Web.Operating;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace FlowDesigner.Web.Components.Pages;

/// <summary>An event, its payload and its causal chain: a view over <see cref="EventPageState"/>.</summary>
public partial class EventPage : IDisposable
{
    private const string ChainFragment = "#chain-";
    private readonly CancellationTokenSource _closing = new();

    /// <summary>The event shown, from the address.</summary>
    [Parameter]
    public Guid EventId { get; set; }

    [Inject]
    private EventPageState State { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    /// <summary>The run or event the address points at in the chain (<c>#chain-&lt;id&gt;</c>), which is marked.</summary>
    private Guid? Marked
    {
        get
        {
            var at = Navigation.Uri.IndexOf(ChainFragment, StringComparison.Ordinal);
            return at >= 0 && Guid.TryParse(Navigation.Uri.AsSpan(at + ChainFragment.Length), out var id) ? id : null;
        }
    }

    protected override async Task OnParametersSetAsync() => await State.OpenAsync(EventId, _closing.Token);

    private static List<BreadcrumbItem> Crumbs(EventRecord item) => [new("Events", "events"), new(item.Type, null, disabled: true)];

    public void Dispose()
    {
        _closing.Cancel();
        _closing.Dispose();
    }
}
