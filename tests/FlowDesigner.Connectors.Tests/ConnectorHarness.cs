using System.Text.Json;
using FlowDesigner.Connectors.Http;
using FlowDesigner.Model.Credentials;
using FlowDesigner.Model.Descriptors;
using FlowDesigner.Model.Execution;
using FlowDesigner.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FlowDesigner.Connectors.Tests;

/// <summary>
/// The connectors' real services (vendor clients, token cache, HTTP clients) without the engine: a test calls an
/// executor, a tester or a poller as the engine would, with settings already resolved and a decrypted credential.
/// </summary>
public sealed class ConnectorHarness : IDisposable
{
    private static readonly NodeCatalog Catalog = NodeCatalog.FromAssembly(BuiltInNodes.Assembly);
    private readonly ServiceProvider _provider;

    /// <param name="settings">The configuration the connectors read; default <see cref="LoopbackNetworks.Settings"/>, where the fakes listen.</param>
    public ConnectorHarness(IReadOnlyDictionary<string, string>? settings = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection((settings ?? LoopbackNetworks.Settings)!).Build());
        services.AddFlowDesignerConnectors();
        foreach (var type in BuiltInNodes.Assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false, IsPublic: true }))
        {
            if (typeof(INodeExecutor).IsAssignableFrom(type) || typeof(ICredentialTester).IsAssignableFrom(type) || typeof(Model.Polling.ITriggerPoller).IsAssignableFrom(type))
            {
                services.AddSingleton(type);
            }
        }

        _provider = services.BuildServiceProvider();
    }

    public T Get<T>()
        where T : notnull => _provider.GetRequiredService<T>();

    /// <summary>A decrypted credential of the type, with its secret fields known for redaction checks.</summary>
    public static CredentialValues Credential(string type, params (string Field, string Value)[] fields)
    {
        var descriptor = Catalog.FindCredentialType(type)!;
        var values = descriptor.Fields.ToDictionary(f => f.Name, f => f.Default ?? "");
        if (values.ContainsKey(AllowedHosts.FieldName))
        {
            values[AllowedHosts.FieldName] = "127.0.0.1"; // where the fakes listen; a test may give another list
        }

        foreach (var (field, value) in fields)
        {
            values[field] = value;
        }

        return new CredentialValues(Guid.NewGuid(), type, $"Test {descriptor.DisplayName}", values, [.. descriptor.SecretFields.Select(f => f.Name)], DateTime.UtcNow);
    }

    /// <summary>Runs a node type's executor once, as a step with these resolved settings would.</summary>
    public Task<NodeResult> RunAsync<TExecutor>(CredentialValues? credential, object config, int attempt = 1)
        where TExecutor : INodeExecutor
    {
        var settings = JsonSerializer.SerializeToElement(config).EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone());
        var context = new NodeExecutionContext(Guid.NewGuid(), "n2", "Step under test", $"{Guid.NewGuid()}:n2:", attempt, settings, default)
        {
            Credential = credential,
        };
        return Get<TExecutor>().ExecuteAsync(context, CancellationToken.None);
    }

    public void Dispose() => _provider.Dispose();
}
