using System.Numerics;

namespace Ogi.Parsing;

/// <summary>
/// Sorts in place, ascending: spans of numbers, and items by a whole-number key (<see cref="StableSortBy"/>). Written
/// out because <c>Span&lt;long&gt;.Sort()</c> and <c>List&lt;int&gt;.Sort()</c> build their sorter by reflection: the
/// precompiled (ReadyToRun) build cannot see it, so every process JIT-compiles it and runs it unoptimized. Equal numbers are indistinguishable, so the result is
/// the one any sort gives. The spans sorted here are short (the places of a few words in one text): insertion sort,
/// and a heap sort past a few dozen, so that a text that repeats a word thousands of times stays n log n.
/// </summary>
internal static class NumberSort
{
    const int InsertionLimit = 48;

    public static void Sort<T>(Span<T> keys) where T : struct, IComparisonOperators<T, T, bool>
    {
        if (keys.Length <= InsertionLimit) { InsertionSort(keys); return; }
        int n = keys.Length;
        for (int i = n / 2 - 1; i >= 0; i--) SiftDown(keys, i, n);
        for (int end = n - 1; end > 0; end--)
        {
            (keys[0], keys[end]) = (keys[end], keys[0]);
            SiftDown(keys, 0, end);
        }
    }

    static void InsertionSort<T>(Span<T> keys) where T : struct, IComparisonOperators<T, T, bool>
    {
        for (int i = 1; i < keys.Length; i++)
        {
            var key = keys[i];
            int j = i - 1;
            while (j >= 0 && keys[j] > key) { keys[j + 1] = keys[j]; j--; }
            keys[j + 1] = key;
        }
    }

    /// <summary>
    /// Sorts items by a whole-number key, ascending, items of one key kept in their order (a stable insertion sort: the
    /// lists sorted this way have a few hundred items at most). Written out for the same reason: LINQ's OrderBy goes
    /// through <c>Comparer&lt;int&gt;.Default</c>, which is made by reflection.
    /// </summary>
    public static void StableSortBy<T>(Span<T> items, Func<T, int> key)
    {
        for (int i = 1; i < items.Length; i++)
        {
            var item = items[i];
            int k = key(item), j = i - 1;
            for (; j >= 0 && key(items[j]) > k; j--) items[j + 1] = items[j];
            items[j + 1] = item;
        }
    }

    static void SiftDown<T>(Span<T> keys, int root, int n) where T : struct, IComparisonOperators<T, T, bool>
    {
        var key = keys[root];
        while (true)
        {
            int child = 2 * root + 1;
            if (child >= n) break;
            if (child + 1 < n && keys[child + 1] > keys[child]) child++;
            if (keys[child] <= key) break;
            keys[root] = keys[child];
            root = child;
        }
        keys[root] = key;
    }
}
