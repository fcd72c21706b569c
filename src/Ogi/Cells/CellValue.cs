using System.Runtime.CompilerServices;

namespace Ogi.Cells;

/// <summary>A value read for one field, with where it came from (source offsets) and how sure the reading is.</summary>
/// <remarks>
/// A report keeps a few hundred of these, so they are kept small (80 bytes): the value without a nullable's padding,
/// and what few cells have — a unit, a note, alternatives — in an object of its own, made only for those.
/// </remarks>
public sealed record CellValue
{
    public required string Field { get; init; }

    public decimal? Value
    {
        // Inlined: read for every cell by the validator and the JSON writer, and called out of line by the precompiled build.
        [MethodImpl(MethodImplOptions.AggressiveInlining)] get => _hasValue ? _value : null;
        init { _hasValue = value.HasValue; _value = value.GetValueOrDefault(); }
    }

    public required string Raw { get; init; }
    public int Start { get; init; }
    public int End { get; init; }
    public double Confidence { get; init; } = 1.0;

    public string? Unit
    {
        get => _rare?.Unit;
        init => _rare = Rare.With(_rare, value, Note, Alternatives);
    }

    public string? Note
    {
        get => _rare?.Note;
        init => _rare = Rare.With(_rare, Unit, value, Alternatives);
    }

    public bool Approximate { get; init; }
    /// <summary>The value came out of digits run together with their neighbours' (713000074).</summary>
    public bool FromGluedDigits { get; init; }

    /// <summary>Other values this cell could have had, when the arithmetic left several readings.</summary>
    public IReadOnlyList<decimal?>? Alternatives
    {
        get => _rare?.Alternatives;
        init => _rare = Rare.With(_rare, Unit, Note, value);
    }

    readonly decimal _value;
    readonly bool _hasValue;
    readonly Rare? _rare;

    /// <summary>What few cells have; immutable, so cells copied with <c>with</c> share it.</summary>
    sealed record Rare(string? Unit, string? Note, IReadOnlyList<decimal?>? Alternatives)
    {
        /// <summary>The rare part with these members: none when all are null, the same object when nothing changes.</summary>
        public static Rare? With(Rare? rare, string? unit, string? note, IReadOnlyList<decimal?>? alternatives)
        {
            if (unit is null && note is null && alternatives is null) return null;
            if (rare is not null && ReferenceEquals(rare.Unit, unit) && ReferenceEquals(rare.Note, note) && ReferenceEquals(rare.Alternatives, alternatives)) return rare;
            return new Rare(unit, note, alternatives);
        }
    }
}
