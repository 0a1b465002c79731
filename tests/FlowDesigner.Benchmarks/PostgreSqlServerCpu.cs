using System.Globalization;
using Npgsql;

namespace FlowDesigner.Benchmarks;

/// <summary>
/// The processor time PostgreSQL's server has used, read from /proc on this machine: its postmaster, the children
/// that have ended (counted into it), and the backends that live.
/// </summary>
public sealed class PostgreSqlServerCpu(int postmaster)
{
    private const double TicksPerSecond = 100; // the kernel's USER_HZ on Linux

    public static async Task<PostgreSqlServerCpu> FindAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SHOW data_directory", connection);
        var folder = (string)(await command.ExecuteScalarAsync())!;
        var pid = int.Parse((await File.ReadAllLinesAsync(Path.Combine(folder, "postmaster.pid")))[0], CultureInfo.InvariantCulture);
        return new PostgreSqlServerCpu(pid);
    }

    public TimeSpan ProcessorTime()
    {
        var ticks = Fields(postmaster) is { } own ? own[11] + own[12] + own[13] + own[14] : 0; // utime, stime, cutime, cstime
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(folder), out var pid) && pid != postmaster && Fields(pid) is { } fields && fields[1] == postmaster)
            {
                ticks += fields[11] + fields[12];
            }
        }

        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }

    /// <summary>The numbers of /proc/PID/stat after the command's name, by their position in the file less two (ppid is [1]).</summary>
    private static long[]? Fields(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ')
                .Select(field => long.TryParse(field, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : 0)
                .ToArray();
        }
        catch (IOException)
        {
            return null; // the process ended meanwhile
        }
    }
}
