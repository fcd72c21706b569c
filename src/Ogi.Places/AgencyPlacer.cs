namespace Ogi.Places;

/// <summary>
/// Places an agency in the administrative tree from its name. The name is read as a chain of division names from
/// the largest down (福建省 → 泉州市 → 鲤城区 → …, each inside the one before, levels may be skipped), followed by the
/// organ: nothing or 人民政府/政府/管委会/办事处 for the division's government, a department name (…局, …委员会,
/// …办公室, …中心) for one of its departments. A chain that more than one set of divisions could be (鲤城区 alone,
/// 朝阳区 of Beijing and of Changchun) is decided by the names of their enclosing divisions in the title and the
/// context; when that does not single one out, the agency stays unplaced with the candidates in the evidence.
/// </summary>
public static class AgencyPlacer
{
    static readonly HashSet<string> GovernmentOrgans =
        ["", "人民政府", "政府", "管委会", "管理委员会", "办事处", "街道办事处", "人民政府办事处", "行政公署", "公署"];

    const string DepartmentEnds = "局委办厅院所队处站馆会部室署司社校组行台庭科股";

    static readonly string[] NationalStarts = ["国务院", "中华人民共和国", "国家", "中国", "中央", "全国", "最高人民"];

    /// <param name="agency">metadata.agency</param>
    /// <param name="title">metadata.title: its leading name is used when the agency has none, and its names as context</param>
    /// <param name="context">other names the document gives (发布机构/来源, the first lines of the body); may be null</param>
    public static AgencyPlacement Place(string? agency, string? title = null, string? context = null, DivisionCatalog? catalog = null)
    {
        catalog ??= DivisionCatalog.Default;
        var name = AgencyName.Normalize(agency);
        var titleName = AgencyName.FromTitle(title);
        var around = AgencyName.Normalize(title) + "|" + AgencyName.Normalize(context);

        if (name.Length == 0)
        {
            if (titleName is null) return Unplaced("", "no agency name and none at the head of the title");
            name = titleName;
        }

        var reading = Read(name, catalog);
        // A bare department name (卫生健康局) whose title names it in full (泉州市鲤城区卫生健康局…).
        if (reading.Chains.Count == 0 && titleName is not null && titleName != name && titleName.EndsWith(name, StringComparison.Ordinal))
        {
            var fromTitle = Read(titleName, catalog);
            if (fromTitle.Chains.Count > 0) reading = fromTitle with { Source = $"the title's {titleName}" };
        }

        if (reading.Chains.Count == 0)
        {
            if (NationalStarts.Any(s => name.StartsWith(s, StringComparison.Ordinal)) || name.EndsWith('部') || name.EndsWith("总署") || name.EndsWith("总局"))
                return new AgencyPlacement(name, null, null, IsDepartment: true, name, name,
                    $"{name}: a central body (no division name at its head); national, above the tree") { IsNational = true };
            return Unplaced(name, $"{name}: no division name at its head");
        }

        var remainder = reading.Name[reading.End..];
        bool government = GovernmentOrgans.Contains(remainder);
        if (!government && (remainder.Length == 0 || !IsDepartmentName(remainder)))
            return Unplaced(name, $"{Describe(reading.Chains[0])} then {remainder}, which is neither an organ nor a known division");

        var chosen = Choose(reading.Chains, around, catalog, out var why);
        if (chosen is null)
        {
            var codes = reading.Chains.Select(c => c.Last.Code).Distinct().ToList();
            var listed = string.Join(", ", codes.Take(MaxListed).Select(c => $"{c} {Path(c, catalog)}"));
            var more = codes.Count > MaxListed ? $" and {codes.Count - MaxListed} more" : "";
            return Unplaced(name, $"{reading.Chains[0].Last.Name} is ambiguous: {listed}{more}; {why}") with { Candidates = codes };
        }

        var division = chosen.Last;
        // A name that does not say its province (鲤城区…) is not placed against a context that names another one.
        if (chosen.Divisions[0].Level > DivisionLevel.Province && OtherProvinces(division, around, catalog) is { Count: > 0 } others)
            return Unplaced(name, $"{Path(division.Code, catalog)} {division.Code} is the only {chosen.Divisions[0].Name}, " +
                $"but the context names {string.Join("/", others)}") with { Candidates = [division.Code] };

        var department = government ? null : remainder.StartsWith("政府", StringComparison.Ordinal) ? "人民" + remainder : remainder;
        var successor = catalog.Successor(division.Code);
        var seriesKey = successor + (department is null ? "" : "/" + department);
        var renamed = division.IsCurrent ? "" : $"; renamed {catalog.ByCode(successor)!.Name} {successor} in {division.AbolishedIn} (renames.tsv)";
        var organ = government ? $"its government{(remainder.Length > 0 ? $" ({remainder})" : "")}" : $"its department {department}";
        return new AgencyPlacement(name, division.Code, division.Level, !government, department, seriesKey,
            $"{reading.Source}: {Path(division.Code, catalog)} {division.Code}{Aliases(chosen)}, {organ}{why}{renamed}");

        static AgencyPlacement Unplaced(string name, string evidence) =>
            new(name, null, null, IsDepartment: false, null, name, "unplaced: " + evidence);
    }

    static bool IsDepartmentName(string remainder) =>
        DepartmentEnds.Contains(remainder[^1]) || remainder.EndsWith("中心", StringComparison.Ordinal);

    sealed record Reading(string Name, string Source, int End, List<Chain> Chains);

    /// <summary>Divisions read at the head of a name, each with the words it was read from (泉州, 平潭综合实验区).</summary>
    sealed record Chain(Division[] Divisions, string[] Pieces)
    {
        public Division Last => Divisions[^1];
    }

    /// <summary>Every chain of divisions at the head of the name that reads furthest into it.</summary>
    static Reading Read(string name, DivisionCatalog catalog)
    {
        var best = new List<Chain>();
        int bestEnd = 0;
        var chain = new List<Division>(4);
        var pieces = new List<string>(4);
        Extend(0);
        return new Reading(name, $"the name {name}", bestEnd, best);

        void Extend(int pos, bool afterGovernment = false)
        {
            if (chain.Count > 0 && !afterGovernment)
            {
                if (pos > bestEnd) { bestEnd = pos; best.Clear(); }
                if (pos == bestEnd) best.Add(new Chain([.. chain], [.. pieces]));
            }
            if (chain.Count == 4) return;
            // 泉州市鲤城区人民政府海滨街道办事处: a government's name between two divisions (only counts when one follows).
            if (chain.Count > 0 && !afterGovernment && name.AsSpan(pos).StartsWith("人民政府")) Extend(pos + 4, afterGovernment: true);
            if (name.Length - pos < 2 || !catalog.AnyNameStartsWith(name.AsSpan(pos, 2))) return;
            var anchor = chain.Count > 0 ? chain[^1] : null;
            for (int len = Math.Min(catalog.LongestName, name.Length - pos); len >= 2; len--)
            {
                var piece = name.AsSpan(pos, len);
                foreach (var d in catalog.ByFullName(piece)) Step(d, piece, anchor, pos + len);
                // Short forms (泉州, 广西) only for provinces and cities: a county's or township's short form is too
                // often the start of a department's name.
                foreach (var d in catalog.ByShortName(piece))
                    if (d.Level <= DivisionLevel.City) Step(d, piece, anchor, pos + len);
            }
        }

        void Step(Division d, ReadOnlySpan<char> piece, Division? anchor, int next)
        {
            if (anchor is not null && !Below(d, anchor)) return;
            chain.Add(d);
            pieces.Add(piece.ToString());
            Extend(next);
            chain.RemoveAt(chain.Count - 1);
            pieces.RemoveAt(pieces.Count - 1);
        }

        bool Below(Division d, Division anchor) =>
            d.Code != anchor.Code && (catalog.IsWithin(d.Code, anchor.Code) || catalog.IsWithin(d.Code, catalog.Successor(anchor.Code)));
    }

    const int MaxListed = 6;

    /// <summary>
    /// One chain, or null when the chains name different divisions that the context does not decide. Chains whose
    /// last divisions continue as the same current division (the old and the new 三元区) are one: the current one wins.
    /// Otherwise each is scored by its enclosing divisions named in the title and context (full name 2, short 1, times
    /// the level's depth: province 1 … township 4); a single best wins.
    /// </summary>
    static Chain? Choose(List<Chain> chains, string around, DivisionCatalog catalog, out string why)
    {
        why = "";
        var distinct = chains.GroupBy(c => c.Last.Code).Select(g => g.OrderBy(c => c.Divisions.Length).First()).ToList();
        if (distinct.Count == 1)
        {
            var only = distinct[0];
            if (only.Divisions.Length == 1 && only.Last.Level > DivisionLevel.Province) why = $"; the only {only.Pieces[0]} in the data";
            return only;
        }
        var successors = distinct.Select(c => catalog.Successor(c.Last.Code)).Distinct().ToList();
        if (successors.Count == 1) return distinct.FirstOrDefault(c => c.Last.IsCurrent) ?? distinct[0];

        var scored = distinct.Select(c => (Chain: c, Score: Support(c, around, catalog, out var named), Named: named))
            .OrderByDescending(s => s.Score).ToList();
        if (scored[0].Score == 0)
        {
            why = "no enclosing division named in the title or context";
            return null;
        }
        if (scored[1].Score == scored[0].Score)
        {
            why = $"the context names {scored[0].Named} and {scored[1].Named} alike";
            return null;
        }
        why = $"; of {distinct.Count} {distinct[0].Last.Name}, the context names {scored[0].Named}";
        return scored[0].Chain;
    }

    static int Support(Chain chain, string around, DivisionCatalog catalog, out string named)
    {
        int score = 0;
        var names = new List<string>();
        foreach (var ancestor in catalog.PathTo(chain.Last.Code).SkipLast(1))
        {
            if (chain.Divisions.Contains(ancestor)) continue;
            int depth = (int)ancestor.Level + 1;
            var shortName = DivisionNames.ShortName(ancestor.Name);
            if (around.Contains(ancestor.Name, StringComparison.Ordinal)) { score += 2 * depth; names.Add(ancestor.Name); }
            else if (ancestor.Level <= DivisionLevel.City && shortName is not null && around.Contains(shortName, StringComparison.Ordinal))
            {
                score += depth;
                names.Add(shortName);
            }
        }
        named = names.Count > 0 ? string.Join("/", names) : "nothing";
        return score;
    }

    /// <summary>The provinces the context names (full or short) other than the division's own; none when it names its own.</summary>
    static List<string> OtherProvinces(Division division, string around, DivisionCatalog catalog)
    {
        var own = catalog.PathTo(division.Code)[0];
        var named = new List<string>();
        foreach (var province in catalog.Provinces)
        {
            var shortName = DivisionNames.ShortName(province.Name);
            if (around.Contains(province.Name, StringComparison.Ordinal) || (shortName is not null && around.Contains(shortName, StringComparison.Ordinal)))
            {
                if (province == own) return [];
                named.Add(province.Name);
            }
        }
        return named;
    }

    static string Describe(Chain chain) => string.Join(" › ", chain.Divisions.Select(d => d.Name));

    /// <summary>The division's whole path (福建省 › 泉州市 › 鲤城区), whichever part the name gave.</summary>
    static string Path(string code, DivisionCatalog catalog) => string.Join(" › ", catalog.PathTo(code).Select(d => d.Name));

    /// <summary>The words read as another name of a division: 平潭综合实验区 = 平潭县.</summary>
    static string Aliases(Chain chain)
    {
        var notes = chain.Divisions.Zip(chain.Pieces)
            .Where(p => p.Second != p.First.Name && p.Second != DivisionNames.ShortName(p.First.Name) && !p.First.Name.StartsWith(p.Second, StringComparison.Ordinal))
            .Select(p => $"{p.Second} = {p.First.Name}").ToList();
        return notes.Count > 0 ? $" ({string.Join(", ", notes)}, aliases.tsv)" : "";
    }
}
