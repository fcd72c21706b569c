using System.IO.Compression;
using System.Reflection;
using Ogi.Normalize;

namespace Ogi.Places;

/// <summary>
/// China's administrative divisions, province to township (divisions.tsv.gz, made by scripts/update-divisions.sh
/// from the statistics bureau's codes), with the divisions abolished by a renaming or merger (renames.tsv) and
/// the other names some are governed under (aliases.tsv). Immutable and thread-safe once built.
/// </summary>
public sealed class DivisionCatalog
{
    static readonly Lazy<DivisionCatalog> DefaultCatalog = new(LoadEmbedded);

    /// <summary>The catalog of the data shipped in this assembly, loaded once.</summary>
    public static DivisionCatalog Default => DefaultCatalog.Value;

    static readonly Lazy<Dictionary<string, string>> CodeNames = new(LoadCodeNames);

    /// <summary>
    /// The name of a division by its code (current, or abolished by a renaming), without building the catalog: the
    /// catalog folds every name to index it (loading the OpenCC table), a cost a `stats` table, which only names its
    /// groups, would pay on every run for nothing.
    /// </summary>
    public static string? NameOfCode(string code) =>
        DefaultCatalog.IsValueCreated ? Default.ByCode(code)?.Name : CodeNames.Value.GetValueOrDefault(code);

    /// <summary>The table <see cref="NameOfCode"/> reads before the catalog is built (every code, abolished ones too).</summary>
    public static IReadOnlyDictionary<string, string> NamesByCode => CodeNames.Value;

    static readonly IReadOnlyList<Division> None = [];

    readonly Dictionary<string, Division> byCode = new(StringComparer.Ordinal);
    readonly Dictionary<string, List<Division>> children = new(StringComparer.Ordinal);
    readonly Dictionary<string, List<Division>> byFullName = new(StringComparer.Ordinal);
    readonly Dictionary<string, List<Division>> byShortName = new(StringComparer.Ordinal);
    readonly Dictionary<string, Renaming> renamedFrom = new(StringComparer.Ordinal);
    readonly HashSet<string> namePrefixes = new(StringComparer.Ordinal);

    /// <summary>Every current division, in code order.</summary>
    public IReadOnlyList<Division> Divisions { get; }

    /// <summary>The provinces, autonomous regions and municipalities (the tree's roots), in code order.</summary>
    public IReadOnlyList<Division> Provinces { get; }

    /// <summary>The renamings and mergers the catalog knows, oldest first.</summary>
    public IReadOnlyList<Renaming> Renamings { get; }

    /// <summary>The longest name (full or short) of any division, for scanning names character by character.</summary>
    internal int LongestName { get; }

    /// <param name="divisions">lines <c>CODE\tNAME</c> (divisions.tsv's format); <c>#</c> lines are comments</param>
    /// <param name="renames">renames.tsv's lines: old code, old name, new code, new name, year, source</param>
    /// <param name="aliases">aliases.tsv's lines: name, code, source</param>
    public DivisionCatalog(IEnumerable<string> divisions, IEnumerable<string> renames, IEnumerable<string> aliases)
    {
        var current = new List<Division>(48_000);
        foreach (var fields in Rows(divisions, 2))
            current.Add(Add(fields[0], fields[1], abolishedIn: null));
        Divisions = current;
        Provinces = current.Where(d => d.Level == DivisionLevel.Province).ToList();

        var renamings = new List<Renaming>();
        foreach (var f in Rows(renames, 6).Where(f => f[0] != "old_code"))
        {
            var r = new Renaming(f[0], f[1], f[2], f[3], int.Parse(f[4]), f[5]);
            if (!byCode.ContainsKey(r.NewCode)) throw new InvalidDataException($"renames: {r.NewCode} {r.NewName} is no division");
            if (!byCode.ContainsKey(r.OldCode)) Add(r.OldCode, r.OldName, r.Year);
            renamedFrom[r.OldCode] = r;
            renamings.Add(r);
        }
        Renamings = renamings.OrderBy(r => r.Year).ToList();

        foreach (var f in Rows(aliases, 3).Where(f => f[0] != "name"))
        {
            if (!byCode.TryGetValue(f[1], out var d)) throw new InvalidDataException($"aliases: {f[1]} is no division");
            Index(byFullName, Clean(f[0]), d);
        }

        foreach (var list in children.Values) list.Sort((a, b) => string.CompareOrdinal(a.Code, b.Code));
        LongestName = byFullName.Keys.Concat(byShortName.Keys).Max(k => k.Length);
        foreach (var key in byFullName.Keys.Concat(byShortName.Keys)) if (key.Length >= 2) namePrefixes.Add(key[..2]);
    }

    Division Add(string code, string name, int? abolishedIn)
    {
        var level = LevelOf(code);
        var division = new Division(code, name, level, ParentOf(code, level)) { AbolishedIn = abolishedIn };
        if (!byCode.TryAdd(code, division)) throw new InvalidDataException($"divisions: code {code} twice");
        if (division.ParentCode is { } parent && abolishedIn is null)
        {
            if (!children.TryGetValue(parent, out var list)) children[parent] = list = [];
            list.Add(division);
        }
        var full = Clean(name);
        Index(byFullName, full, division);
        // The data writes some townships as 漓东街道办事处; agencies write 漓东街道 (then 办事处 is the organ).
        if (full.EndsWith("街道办事处", StringComparison.Ordinal)) Index(byFullName, full[..^3], division);
        if (DivisionNames.ShortName(full) is { } shortName) Index(byShortName, shortName, division);
        return division;
    }

    static void Index(Dictionary<string, List<Division>> index, string name, Division division)
    {
        if (!index.TryGetValue(name, out var list)) index[name] = list = [];
        if (!list.Contains(division)) list.Add(division);
    }

    static DivisionLevel LevelOf(string code) => code.Length switch
    {
        9 => DivisionLevel.Township,
        6 when code.EndsWith("0000", StringComparison.Ordinal) => DivisionLevel.Province,
        6 when code.EndsWith("00", StringComparison.Ordinal) => DivisionLevel.City,
        6 => DivisionLevel.County,
        _ => throw new InvalidDataException($"divisions: {code} is no six- or nine-digit code"),
    };

    /// <summary>The nearest listed code above: a county's city, else its province (直辖市, 省直辖县).</summary>
    string? ParentOf(string code, DivisionLevel level) => level switch
    {
        DivisionLevel.Province => null,
        DivisionLevel.City => code[..2] + "0000",
        DivisionLevel.County => byCode.ContainsKey(code[..4] + "00") ? code[..4] + "00" : code[..2] + "0000",
        _ => code[..6],
    };

    static IEnumerable<string[]> Rows(IEnumerable<string> lines, int columns)
    {
        foreach (var line in lines)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var fields = line.Split('\t');
            if (fields.Length != columns) throw new InvalidDataException($"expected {columns} columns: {line}");
            yield return fields;
        }
    }

    static DivisionCatalog LoadEmbedded() =>
        new(DivisionLines(), ResourceLines("Ogi.Places.renames.tsv"), ResourceLines("Ogi.Places.aliases.tsv"));

    /// <summary>The lines of the shipped divisions.tsv.gz, read as they are consumed.</summary>
    static IEnumerable<string> DivisionLines()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Ogi.Places.divisions.tsv.gz")
            ?? throw new InvalidOperationException("missing embedded resource Ogi.Places.divisions.tsv.gz");
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        while (reader.ReadLine() is { } line) yield return line;
    }

    static IEnumerable<string> ResourceLines(string resource) => DivisionNames.ReadResource(resource).Split('\n').Select(l => l.TrimEnd('\r'));

    static Dictionary<string, string> LoadCodeNames()
    {
        var names = new Dictionary<string, string>(48_000, StringComparer.Ordinal);
        foreach (var f in Rows(DivisionLines(), 2)) names[f[0]] = f[1];
        foreach (var f in Rows(ResourceLines("Ogi.Places.renames.tsv"), 6).Where(f => f[0] != "old_code")) names.TryAdd(f[0], f[1]);
        return names;
    }

    /// <summary>Folded to simplified characters and ASCII, without spaces: the form names are indexed in.</summary>
    internal static string Clean(string name)
    {
        var folded = TextNormalizer.Fold(name);
        return folded.AsSpan().ContainsAny(Whitespace) ? string.Concat(folded.Where(c => !char.IsWhiteSpace(c))) : folded;
    }

    static readonly System.Buffers.SearchValues<char> Whitespace = System.Buffers.SearchValues.Create(" \t\r\n\u3000\u00A0");

    public Division? ByCode(string code) => byCode.GetValueOrDefault(code);

    /// <summary>The current divisions directly below <paramref name="code"/>, in code order.</summary>
    public IReadOnlyList<Division> Children(string code) => children.TryGetValue(code, out var list) ? list : None;

    /// <summary>Province first, down to the division itself; empty for an unknown code.</summary>
    public IReadOnlyList<Division> PathTo(string code)
    {
        var path = new List<Division>(4);
        for (var d = ByCode(code); d is not null; d = d.ParentCode is { } p ? ByCode(p) : null) path.Add(d);
        path.Reverse();
        return path;
    }

    /// <summary>
    /// Divisions of that name: full (泉州市, 平潭综合实验区, 密云县 — an abolished one too) or short (泉州); every one
    /// when several share the name (朝阳区: Beijing's and Changchun's). Full-name matches come first.
    /// </summary>
    public IReadOnlyList<Division> FindByName(string name)
    {
        var key = Clean(name);
        var full = byFullName.GetValueOrDefault(key);
        var shortMatches = byShortName.GetValueOrDefault(key);
        if (shortMatches is null) return full ?? None;
        if (full is null) return shortMatches;
        return full.Concat(shortMatches).Distinct().ToList();
    }

    /// <summary>Whether any name starts with these two characters: most positions in a name start none.</summary>
    internal bool AnyNameStartsWith(ReadOnlySpan<char> twoCharacters) =>
        namePrefixes.GetAlternateLookup<ReadOnlySpan<char>>().Contains(twoCharacters);

    internal IReadOnlyList<Division> ByFullName(ReadOnlySpan<char> cleanName) =>
        byFullName.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(cleanName, out var l) ? l : None;

    internal IReadOnlyList<Division> ByShortName(ReadOnlySpan<char> cleanName) =>
        byShortName.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(cleanName, out var l) ? l : None;

    /// <summary>True when <paramref name="code"/> is <paramref name="ancestorCode"/> or lies below it.</summary>
    public bool IsWithin(string code, string ancestorCode)
    {
        for (var d = ByCode(code); d is not null; d = d.ParentCode is { } p ? ByCode(p) : null)
            if (d.Code == ancestorCode) return true;
        return false;
    }

    /// <summary>The current division an old code continues as (following renamings in turn); the code itself when current.</summary>
    public string Successor(string code)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (renamedFrom.TryGetValue(code, out var r) && seen.Add(code)) code = r.NewCode;
        return code;
    }

    /// <summary>The current divisions a name (current or old: 密云县 → 密云区) continues as.</summary>
    public IReadOnlyList<Division> SuccessorsOf(string name) =>
        FindByName(name).Select(d => ByCode(Successor(d.Code))!).Distinct().ToList();

    /// <summary>The renaming that ended <paramref name="code"/>, or null when it is current.</summary>
    public Renaming? RenamingOf(string code) => renamedFrom.GetValueOrDefault(code);
}
