namespace FlowDesigner.Model.Descriptors;

/// <summary>A credential type the product offers, declared once by its descriptor.</summary>
public interface ICredentialType
{
    CredentialTypeDescriptor Descriptor { get; }
}
