using FlowDesigner.Model.Descriptors;

namespace FlowDesigner.Model.Layout;

/// <summary>
/// A node card's size before the browser has measured it, and the text sizes the card uses: the canvas's stylesheet
/// draws cards to these numbers, and fitting keeps the smallest of their text readable.
/// </summary>
public static class CardSize
{
    public const double Width = 200;

    /// <summary>The card's head (icon, name and type).</summary>
    public const double HeadHeight = 50;

    /// <summary>One output port's row under the head.</summary>
    public const double PortRowHeight = 18;

    /// <summary>The smallest text on a card (its type and port labels), in pixels at zoom 1.</summary>
    public const double SmallestTextPixels = 12;

    public static double HeightFor(int outputPorts) => HeadHeight + (Math.Max(1, outputPorts) * PortRowHeight);

    public static double HeightFor(NodeTypeDescriptor? type, Definitions.NodeDefinition node) =>
        HeightFor(type?.PortsOf(node).Count ?? 1);
}
