using System.Reflection;

namespace FlowDesigner.Model.Descriptors;

/// <summary>Every node and credential type the product offers, by key; built once at start-up.</summary>
public sealed class NodeCatalog
{
    private readonly Dictionary<string, NodeTypeDescriptor> _nodes;
    private readonly Dictionary<string, CredentialTypeDescriptor> _credentials;

    public NodeCatalog(IEnumerable<INodeType> nodeTypes, IEnumerable<ICredentialType> credentialTypes)
    {
        _nodes = IndexByKey(nodeTypes.Select(t => t.Descriptor), d => d.Key, "node type");
        _credentials = IndexByKey(credentialTypes.Select(t => t.Descriptor), d => d.Key, "credential type");
        var missing = _nodes.Values
            .SelectMany(n => n.CredentialTypes.Where(c => !_credentials.ContainsKey(c)).Select(c => (Node: n.Key, Credential: c)))
            .FirstOrDefault();
        if (missing.Node is not null)
        {
            throw new InvalidOperationException(
                $"Node type '{missing.Node}' needs credential type '{missing.Credential}', which no connector declares.");
        }
    }

    /// <summary>Node types in palette order: triggers first, then logic, then each connector by name.</summary>
    public IReadOnlyList<NodeTypeDescriptor> NodeTypes => _nodes.Values
        .OrderBy(d => d.Kind == NodeKind.Trigger ? 0 : d.Category == "Logic" ? 1 : 2)
        .ThenBy(d => d.Category, StringComparer.OrdinalIgnoreCase)
        .ThenBy(d => d.DisplayName, StringComparer.OrdinalIgnoreCase)
        .ToList();

    public IReadOnlyCollection<CredentialTypeDescriptor> CredentialTypes => _credentials.Values;

    public NodeTypeDescriptor? FindNodeType(string key) => _nodes.GetValueOrDefault(key);

    public CredentialTypeDescriptor? FindCredentialType(string key) => _credentials.GetValueOrDefault(key);

    /// <summary>The concrete <see cref="INodeType"/> and <see cref="ICredentialType"/> classes of an assembly.</summary>
    public static IEnumerable<Type> DiscoverTypes(Assembly assembly) => assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false, IsPublic: true })
        .Where(t => typeof(INodeType).IsAssignableFrom(t) || typeof(ICredentialType).IsAssignableFrom(t));

    /// <summary>A catalog of the types an assembly declares, each made with its parameterless constructor.</summary>
    public static NodeCatalog FromAssembly(Assembly assembly)
    {
        var instances = DiscoverTypes(assembly).Select(Activator.CreateInstance).ToList();
        return new NodeCatalog(instances.OfType<INodeType>(), instances.OfType<ICredentialType>());
    }

    private static Dictionary<string, T> IndexByKey<T>(IEnumerable<T> items, Func<T, string> key, string what)
    {
        var index = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (!index.TryAdd(key(item), item))
            {
                throw new InvalidOperationException($"Two {what}s declare the key '{key(item)}'; keys must be unique.");
            }
        }

        return index;
    }
}
