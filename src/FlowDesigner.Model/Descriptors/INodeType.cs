namespace FlowDesigner.Model.Descriptors;

/// <summary>A node type the product offers. Each is a class of its own that declares its descriptor once.</summary>
public interface INodeType
{
    NodeTypeDescriptor Descriptor { get; }
}
