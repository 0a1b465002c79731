using FlowDesigner.Engine.Users;
using FlowDesigner.Model.Users;
using FlowDesigner.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FlowDesigner.Engine.Tests;

/// <summary>Personal API tokens: shown once, stored hashed, refused once revoked or expired, marked when used.</summary>
public sealed class ApiTokenTests : IAsyncLifetime
{
    private TestServices _services = default!;

    private ApiTokens Tokens => _services.Get<ApiTokens>();

    public async Task InitializeAsync() => _services = await TestServices.StartAsync();

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task AToken_IsStoredHashed_WorksWhenPresented_AndIsMarkedAsUsed()
    {
        var (token, value) = await Tokens.CreateAsync("user-ann", "Nightly export", null, TestActors.Ann, default);

        var presented = await Tokens.ValidateAsync(value, default);

        Assert.StartsWith(ApiTokens.Prefix, value, StringComparison.Ordinal);
        Assert.Equal(token.Id, presented!.Id);
        await using var db = _services.OpenDatabase();
        var row = await db.ApiTokens.SingleAsync();
        Assert.NotEqual(value, row.Hash);
        Assert.DoesNotContain(value[ApiTokens.Prefix.Length..], row.Hash, StringComparison.Ordinal);
        Assert.Equal(64, row.Hash.Length);
        Assert.NotNull(row.LastUsedAt);
        Assert.Equal(["token.created"], await db.AuditEntries.Select(a => a.Action).ToListAsync());
        Assert.Null(await Tokens.ValidateAsync(value + "x", default));
        Assert.Null(await Tokens.ValidateAsync("Bearer " + value, default));
    }

    [Fact]
    public async Task ARevokedToken_AndEveryTokenOfADisabledUser_AreRefused()
    {
        var (first, firstValue) = await Tokens.CreateAsync("user-ann", "CI", null, TestActors.Ann, default);
        var (_, secondValue) = await Tokens.CreateAsync("user-ann", "Script", null, TestActors.Ann, default);
        var store = _services.Get<IApiTokenStore>();

        Assert.True(await store.RevokeAsync(first.Id, TestActors.Ann, default));
        Assert.Null(await Tokens.ValidateAsync(firstValue, default));
        Assert.NotNull(await Tokens.ValidateAsync(secondValue, default));

        Assert.Equal(1, await store.RevokeAllAsync("user-ann", TestActors.Admin, default));
        Assert.Null(await Tokens.ValidateAsync(secondValue, default));
        Assert.False(await store.RevokeAsync(first.Id, TestActors.Ann, default));
    }

    [Fact]
    public async Task AnExpiredToken_IsRefused_AndAnExpiryInThePastCannotBeSet()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        await using var services = await TestServices.StartAsync(configure: s => s.AddSingleton<TimeProvider>(clock));
        var tokens = services.Get<ApiTokens>();
        var (_, value) = await tokens.CreateAsync("user-ann", "Short-lived", clock.GetUtcNow().UtcDateTime.AddHours(1), TestActors.Ann, default);

        Assert.NotNull(await tokens.ValidateAsync(value, default));
        clock.Advance(TimeSpan.FromHours(2));
        Assert.Null(await tokens.ValidateAsync(value, default));
        await Assert.ThrowsAsync<ArgumentException>(() => tokens.CreateAsync("user-ann", "Late", clock.GetUtcNow().UtcDateTime.AddMinutes(-1), TestActors.Ann, default));
    }
}
