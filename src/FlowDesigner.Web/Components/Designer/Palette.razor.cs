using FlowDesigner.Model.Descriptors;
using Microsoft.AspNetCore.Components;

namespace FlowDesigner.Web.Components.Designer;

/// <summary>The node types an analyst can add, searchable and grouped: Triggers, Logic, then one group per connector.</summary>
public sealed partial class Palette
{
    private string? _search;

    /// <summary>The types to offer. Required.</summary>
    [Parameter]
    public IReadOnlyList<NodeTypeDescriptor> Types { get; set; } = [];

    /// <summary>Called with the type clicked (the designer adds it).</summary>
    [Parameter]
    public EventCallback<NodeTypeDescriptor> OnAdd { get; set; }

    /// <summary>The type being dragged from the palette, for the canvas to drop.</summary>
    public NodeTypeDescriptor? Dragged { get; private set; }

    /// <summary>The groups shown for the current search, in the palette's order.</summary>
    public IEnumerable<IGrouping<string, NodeTypeDescriptor>> Groups => Filter(Types, _search);

    public static IEnumerable<IGrouping<string, NodeTypeDescriptor>> Filter(IEnumerable<NodeTypeDescriptor> types, string? search) => types
        .Where(t => string.IsNullOrWhiteSpace(search)
            || t.DisplayName.Contains(search.Trim(), StringComparison.OrdinalIgnoreCase)
            || t.Category.Contains(search.Trim(), StringComparison.OrdinalIgnoreCase)
            || t.Description.Contains(search.Trim(), StringComparison.OrdinalIgnoreCase))
        .GroupBy(t => t.Category)
        .OrderBy(g => g.Key switch { "Triggers" => 0, "Logic" => 1, _ => 2 })
        .ThenBy(g => g.Key, StringComparer.OrdinalIgnoreCase);
}
