namespace Ogi.Parsing;

/// <summary>
/// Values keyed by a string object's identity, not its characters: a cell's field is the very string of its template
/// column, report after report, so a probe of an open-addressed table by the object's identity finds it without
/// hashing text (and without the interface calls of a dictionary with a comparer). Key and value stand side by side,
/// so a probe reads one place. Not safe for concurrent <see cref="Add"/>: filled once and then only read, or kept
/// per thread.
/// </summary>
sealed class ByIdentity<TValue>
{
    (string? Key, TValue Value)[] _entries;
    int _count;

    public ByIdentity(int capacity = 64)
    {
        int size = 16;
        while (size < capacity * 2) size *= 2;
        _entries = new (string?, TValue)[size];
    }

    public int Count => _count;

    public bool TryGetValue(string key, out TValue value)
    {
        var entries = _entries;
        int mask = entries.Length - 1;
        for (int h = System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(key) & mask; entries[h].Key is { } k; h = (h + 1) & mask)
            if (ReferenceEquals(k, key)) { value = entries[h].Value; return true; }
        value = default!;
        return false;
    }

    /// <summary>Adds the key, or leaves the value it has.</summary>
    public void Add(string key, TValue value)
    {
        if (TryGetValue(key, out _)) return;
        // Kept at most half full, so that a probe ends soon at an empty place.
        if ((_count + 1) * 2 > _entries.Length) Grow();
        Place(_entries, key, value);
        _count++;
    }

    static void Place((string? Key, TValue Value)[] entries, string key, TValue value)
    {
        int mask = entries.Length - 1;
        int h = System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(key) & mask;
        while (entries[h].Key is not null) h = (h + 1) & mask;
        entries[h] = (key, value);
    }

    void Grow()
    {
        var entries = new (string?, TValue)[_entries.Length * 2];
        foreach (var (k, v) in _entries)
            if (k is not null) Place(entries, k, v);
        _entries = entries;
    }
}
