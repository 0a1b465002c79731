using Bunit;
using FlowDesigner.Connectors;
using FlowDesigner.Model.Descriptors;
using FlowDesigner.Web.Components.Designer;
using MudBlazor.Services;

namespace FlowDesigner.Web.Tests;

public sealed class PaletteTests : IAsyncLifetime
{
    private static readonly NodeCatalog Catalog = NodeCatalog.FromAssembly(BuiltInNodes.Assembly);
    private readonly BunitContext _context = new();

    public Task InitializeAsync()
    {
        _context.JSInterop.Mode = JSRuntimeMode.Loose;
        _context.Services.AddMudServices();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _context.DisposeAsync();

    [Fact]
    public void Palette_GroupsTriggersFirst_ThenLogic_ThenEachConnector()
    {
        var palette = _context.Render<Palette>(p => p.Add(c => c.Types, Catalog.NodeTypes));

        var groups = palette.FindAll(".fd-palette-group").Select(g => g.TextContent).ToList();
        Assert.Equal(["Triggers", "Logic"], groups.Take(2));
        Assert.Contains("HTTP", groups);
    }

    [Fact]
    public void Search_KeepsOnlyMatchingNodes_AndSaysWhenNoneMatch()
    {
        var palette = _context.Render<Palette>(p => p.Add(c => c.Types, Catalog.NodeTypes));

        palette.Find("#palette-search").Input("DELA");
        Assert.Equal(["core.delay"], palette.FindAll(".fd-palette-item").Select(i => i.GetAttribute("data-type")));

        palette.Find("#palette-search").Input("zzz");
        Assert.Empty(palette.FindAll(".fd-palette-item"));
        Assert.Contains("No node matches", palette.Markup);
    }

    [Fact]
    public void ClickingANode_AsksToAddIt()
    {
        NodeTypeDescriptor? added = null;
        var palette = _context.Render<Palette>(p => p.Add(c => c.Types, Catalog.NodeTypes).Add(c => c.OnAdd, type => added = type));

        palette.Find(".fd-palette-item[data-type='core.delay']").Click();

        Assert.Equal("core.delay", added?.Key);
    }
}
