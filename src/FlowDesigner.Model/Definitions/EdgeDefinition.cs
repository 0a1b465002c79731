using System.Text.Json.Serialization;

namespace FlowDesigner.Model.Definitions;

/// <summary>A link from an output port of one node to the input of another.</summary>
public sealed record EdgeDefinition(string From, string Port, string To)
{
    /// <summary>A stable key for the edge, used to tie validation issues and canvas links to it.</summary>
    [JsonIgnore]
    public string Key => $"{From}:{Port}->{To}";
}
