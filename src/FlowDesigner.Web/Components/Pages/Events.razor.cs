using FlowDesigner.Web.Formatting;
using FlowDesigner.Web.Operating;
using Microsoft.AspNetCore.Components;

namespace FlowDesigner.Web.Components.Pages;

/// <summary>The event stream: a view over <see cref="EventListState"/>.</summary>
public partial class Events : IDisposable
{
    private readonly CancellationTokenSource _closing = new();

    [Inject]
    private EventListState State { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    private DateTime Now => Clock.GetUtcNow().UtcDateTime;

    protected override async Task OnInitializedAsync() => await State.OpenAsync(Navigation.Uri, _closing.Token);

    private async Task FilterAsync(Action set)
    {
        set();
        Navigation.NavigateTo(State.Address(), forceLoad: false, replace: true);
        await State.ReloadAsync(_closing.Token);
    }

    private Task ReloadAsync() => State.ReloadAsync(_closing.Token);

    private Task LoadOlderAsync() => State.LoadOlderAsync(_closing.Token);

    private void Open(Guid eventId) => Navigation.NavigateTo(EventLinks.Of(eventId));

    public void Dispose()
    {
        _closing.Cancel();
        _closing.Dispose();
    }
}
