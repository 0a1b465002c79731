using FlowDesigner.Persistence;

namespace FlowDesigner.Web.Tests.OnPostgreSql;

/// <summary>The same tests as <see cref="ApiTests"/>, on a host on PostgreSQL.</summary>
public sealed class ApiTestsOnPostgreSql() : ApiTests(StorageProvider.PostgreSql);
