using FlowDesigner.Web.Formatting;
using FlowDesigner.Web.Operating;
using Microsoft.AspNetCore.Components;

namespace FlowDesigner.Web.Components.Pages;

/// <summary>
/// The event stream: a view over <see cref="EventListState"/>. While it is open, the feed of run changes says when
/// runs started or ended (each began with an event, or emitted some): the newest events are then read and put on top.
/// </summary>
public partial class Events : IDisposable
{
    private readonly CancellationTokenSource _closing = new();
    private IDisposable? _listening;

    [Inject]
    private EventListState State { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    [Inject]
    private RunFeed Feed { get; set; } = default!;

    private DateTime Now => Clock.GetUtcNow().UtcDateTime;

    protected override async Task OnInitializedAsync() => await State.OpenAsync(Navigation.Uri, _closing.Token);

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender && RendererInfo.IsInteractive)
        {
            _listening = Feed.Listen(changed =>
            {
                _ = InvokeAsync(TakeNewerAsync);
                return Task.CompletedTask;
            });
        }
    }

    private async Task TakeNewerAsync()
    {
        try
        {
            if (await State.TakeNewerAsync(_closing.Token))
            {
                StateHasChanged();
            }
        }
        catch (OperationCanceledException)
        {
            // the page closed
        }
    }

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
        _listening?.Dispose();
        _closing.Cancel();
        _closing.Dispose();
    }
}
