using System.Reflection;

namespace Ogi.Places;

/// <summary>
/// The short forms a division's name is written in: 泉州市 → 泉州, 广西壮族自治区 → 广西, 延边朝鲜族自治州 → 延边,
/// 神农架林区 → 神农架. A short form keeps at least two characters (和县 stays 和县).
/// </summary>
static class DivisionNames
{
    static readonly string[] Suffixes =
        ["特别行政区", "自治区", "自治州", "自治县", "自治旗", "地区", "林区", "特区", "省", "市", "盟", "县", "区", "旗"];

    static readonly string[] EthnicGroups = LoadEthnicGroups();

    public static string? ShortName(string name)
    {
        foreach (var suffix in Suffixes)
        {
            if (!name.EndsWith(suffix, StringComparison.Ordinal)) continue;
            var stem = name[..^suffix.Length];
            if (suffix.StartsWith("自治", StringComparison.Ordinal)) stem = WithoutEthnicGroups(stem);
            return stem.Length >= 2 && stem != name ? stem : null;
        }
        return null;
    }

    /// <summary>海西蒙古族藏族 → 海西; 博尔塔拉蒙古 → 博尔塔拉 (the 族 is not always written).</summary>
    static string WithoutEthnicGroups(string stem)
    {
        bool stripped = true;
        while (stripped)
        {
            stripped = false;
            var s = stem.EndsWith('族') ? stem[..^1] : stem;
            foreach (var group in EthnicGroups)
                if (s.Length - group.Length >= 2 && s.EndsWith(group, StringComparison.Ordinal))
                {
                    stem = s[..^group.Length];
                    stripped = true;
                    break;
                }
        }
        return stem;
    }

    static string[] LoadEthnicGroups()
    {
        var text = ReadResource("Ogi.Places.ethnic-groups.txt");
        // Longest first, so 土家 is taken before 土 and 蒙古 before nothing shorter.
        return text.Split('\n').Where(l => !l.StartsWith('#'))
            .SelectMany(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .OrderByDescending(g => g.Length).ToArray();
    }

    internal static string ReadResource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"missing embedded resource {name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
