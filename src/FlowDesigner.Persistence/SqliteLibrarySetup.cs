using SQLitePCL;

namespace FlowDesigner.Persistence;

/// <summary>
/// What SQLite itself is set to in this process, before its first connection opens. Its memory statistics are
/// turned off: kept, they take one process-wide lock around every allocation SQLite makes, and nothing here reads
/// them. Once SQLite has started (another host in the same process went first), the setting stays as it was: code
/// that opens the product's database outside its host (a tool, a test) calls <see cref="Apply"/> first.
/// </summary>
public static class SqliteLibrarySetup
{
    private const int ConfigMemoryStatistics = 9; // SQLITE_CONFIG_MEMSTATUS
    private static readonly Lock Applying = new();
    private static bool _applied;

    public static void Apply()
    {
        lock (Applying)
        {
            if (_applied)
            {
                return;
            }

            Batteries_V2.Init();
            raw.sqlite3_config(ConfigMemoryStatistics, 0);
            _applied = true;
        }
    }
}
