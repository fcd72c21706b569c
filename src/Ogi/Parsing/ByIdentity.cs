namespace Ogi.Parsing;

/// <summary>
/// Values keyed by a string object's identity, not its characters: a cell's field is the very string of its template
/// column, report after report, so a probe of an open-addressed table by the object's identity finds it without
/// hashing text (and without the interface calls of a dictionary with a comparer). Not safe for concurrent
/// <see cref="Add"/>: filled once and then only read, or kept per thread.
/// </summary>
sealed class ByIdentity<TValue>
{
    string?[] _keys;
    TValue[] _values;
    int _count;

    public ByIdentity(int capacity = 64)
    {
        int size = 16;
        while (size < capacity * 2) size *= 2;
        _keys = new string?[size];
        _values = new TValue[size];
    }

    public int Count => _count;

    public bool TryGetValue(string key, out TValue value)
    {
        var keys = _keys;
        int mask = keys.Length - 1;
        for (int h = System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(key) & mask; keys[h] is { } k; h = (h + 1) & mask)
            if (ReferenceEquals(k, key)) { value = _values[h]; return true; }
        value = default!;
        return false;
    }

    /// <summary>Adds the key, or leaves the value it has.</summary>
    public void Add(string key, TValue value)
    {
        if (TryGetValue(key, out _)) return;
        // Kept at most half full, so that a probe ends soon at an empty place.
        if ((_count + 1) * 2 > _keys.Length) Grow();
        Place(_keys, _values, key, value);
        _count++;
    }

    static void Place(string?[] keys, TValue[] values, string key, TValue value)
    {
        int mask = keys.Length - 1;
        int h = System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(key) & mask;
        while (keys[h] is not null) h = (h + 1) & mask;
        keys[h] = key;
        values[h] = value;
    }

    void Grow()
    {
        var keys = new string?[_keys.Length * 2];
        var values = new TValue[keys.Length];
        for (int i = 0; i < _keys.Length; i++)
            if (_keys[i] is { } k) Place(keys, values, k, _values[i]);
        _keys = keys;
        _values = values;
    }
}
