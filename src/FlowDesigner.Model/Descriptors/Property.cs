namespace FlowDesigner.Model.Descriptors;

/// <summary>Short ways to declare the properties of a descriptor.</summary>
public static class Property
{
    public static PropertyDescriptor Text(string name, string label) => new(name, label, PropertyEditor.Text);

    public static PropertyDescriptor Multiline(string name, string label) => new(name, label, PropertyEditor.Multiline);

    public static PropertyDescriptor Number(string name, string label) => new(name, label, PropertyEditor.Number);

    public static PropertyDescriptor Bool(string name, string label) => new(name, label, PropertyEditor.Bool);

    public static PropertyDescriptor Json(string name, string label) => new(name, label, PropertyEditor.Json);

    public static PropertyDescriptor Code(string name, string label) => new(name, label, PropertyEditor.Code);

    public static PropertyDescriptor KeyValue(string name, string label) => new(name, label, PropertyEditor.KeyValue);

    public static PropertyDescriptor Select(string name, string label, params (string Value, string Label)[] options) =>
        new PropertyDescriptor(name, label, PropertyEditor.Select) { AllowsExpressions = false }
            .WithOptions(options)
            .WithDefault(options[0].Value);
}
