using System.Collections.Concurrent;

namespace Ogi.Output;

/// <summary>
/// Field names as written (escaped, in UTF-8), each made once and shared by every thread. Names come from the
/// templates (a few hundred); names read from reports (legacy.extra.*) are few, and past a bound they are made each
/// time instead of kept. The size is counted here: a ConcurrentDictionary's own Count takes all its locks, and its
/// first call sets up the collections' event source by reflection (milliseconds of a cold process).
/// </summary>
sealed class EncodedNames<T>(Func<string, T> encode, int bound = 10_000)
{
    readonly ConcurrentDictionary<string, T> _byName = new(StringComparer.Ordinal);
    int _count;

    public T Get(string name)
    {
        if (_byName.TryGetValue(name, out var value)) return value;
        value = encode(name);
        if (_count < bound && _byName.TryAdd(name, value)) Interlocked.Increment(ref _count);
        return value;
    }
}
