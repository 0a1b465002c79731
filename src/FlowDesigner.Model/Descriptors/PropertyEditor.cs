namespace FlowDesigner.Model.Descriptors;

/// <summary>How the property panel edits a property, and which JSON value it stores.</summary>
public enum PropertyEditor
{
    /// <summary>One line of text (a JSON string); may hold <c>{{ expressions }}</c>.</summary>
    Text,

    /// <summary>Several lines of text (a JSON string).</summary>
    Multiline,

    /// <summary>A JSON number, or a text holding one expression.</summary>
    Number,

    /// <summary>A JSON true or false.</summary>
    Bool,

    /// <summary>One of the property's options (a JSON string).</summary>
    Select,

    /// <summary>Any JSON value, edited as JSON text.</summary>
    Json,

    /// <summary>JavaScript source (a JSON string).</summary>
    Code,

    /// <summary>Named values: a JSON object whose values are text.</summary>
    KeyValue,
}
