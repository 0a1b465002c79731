using FlowDesigner.Persistence;

namespace FlowDesigner.Web.Tests.OnPostgreSql;

/// <summary>The same tests as <see cref="EventApiTests"/>, on a host on PostgreSQL.</summary>
public sealed class EventApiTestsOnPostgreSql() : EventApiTests(StorageProvider.PostgreSql);
