namespace Ogi.Web.Services;

/// <summary>The page numbers a pager shows: the first, the last, and two on each side of the current one; 0 stands for a gap.</summary>
public static class Pager
{
    public static IReadOnlyList<int> Numbers(int current, int pages)
    {
        var shown = new SortedSet<int> { 1, pages };
        for (int n = current - 2; n <= current + 2; n++) if (n >= 1 && n <= pages) shown.Add(n);
        var list = new List<int>();
        int last = 0;
        foreach (var n in shown)
        {
            if (n - last > 1) list.Add(0);
            list.Add(n);
            last = n;
        }
        return list;
    }
}
