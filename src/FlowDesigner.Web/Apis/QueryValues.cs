using System.Globalization;
using Microsoft.Extensions.Primitives;

namespace FlowDesigner.Web.Apis;

/// <summary>The values of a list's query (ids, times, enum names, a page size), each problem naming its parameter and what it takes.</summary>
public static class QueryValues
{
    public static int Take(IQueryCollection query, int defaultTake, int mostTake, List<string> problems)
    {
        var take = defaultTake;
        if (query.TryGetValue("take", out var text) && !(int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out take) && take is >= 1 && take <= mostTake))
        {
            problems.Add($"'take' must be a whole number from 1 to {mostTake}, not '{text}'.");
        }

        return take;
    }

    public static Guid? Id(IQueryCollection query, string name, List<string> problems)
    {
        if (!query.TryGetValue(name, out var text) || StringValues.IsNullOrEmpty(text))
        {
            return null;
        }

        if (Guid.TryParse(text, out var id))
        {
            return id;
        }

        problems.Add($"'{name}' must be an id such as 0193a1b2-0000-7000-8000-000000000001, not '{text}'.");
        return null;
    }

    public static DateTime? Time(IQueryCollection query, string name, List<string> problems)
    {
        if (!query.TryGetValue(name, out var text) || StringValues.IsNullOrEmpty(text))
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
        {
            return time.UtcDateTime;
        }

        problems.Add($"'{name}' must be a time such as 2026-12-05T18:30:00Z, not '{text}'.");
        return null;
    }

    public static IReadOnlyList<TEnum> Enums<TEnum>(IQueryCollection query, string name, List<string> problems) where TEnum : struct, Enum
    {
        var values = new List<TEnum>();
        foreach (var text in query[name].SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (Enum.TryParse<TEnum>(text, ignoreCase: true, out var value) && Enum.IsDefined(value) && !int.TryParse(text, out _))
            {
                values.Add(value);
            }
            else
            {
                problems.Add($"'{name}' must be one of {string.Join(", ", Enum.GetNames<TEnum>())}, not '{text}'.");
            }
        }

        return values.Distinct().ToList();
    }
}
