using System.Globalization;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Ogi.Store;

/// <summary>
/// Many rows into one SQLite table, fast: a multi-row INSERT (<see cref="RowsPerStatement"/> rows a statement),
/// prepared once and bound by position through SQLite's own API. Microsoft.Data.Sqlite binds each parameter by name
/// (a search through the statement's names) and steps one statement a row; at 130 value rows a report that was most of
/// ingest's writing. The rows go into the connection's open transaction; the last, partial statement is written by
/// <see cref="Complete"/> (as Npgsql's COPY is completed), so that a failed batch writes nothing more.
/// </summary>
sealed class SqliteRowWriter : IDisposable
{
    public const int RowsPerStatement = 64;

    readonly sqlite3 _db;
    readonly string _insert;
    readonly int _columns;
    readonly Cell[] _pending;
    int _count;
    sqlite3_stmt? _full;

    enum Kind : byte { Null, Integer, Real, Text }
    readonly record struct Cell(Kind Kind, long Integer, double Real, string? Text);

    /// <param name="insert">INSERT INTO table (a, b, c) — the VALUES are added here.</param>
    public SqliteRowWriter(SqliteConnection connection, string insert, int columns)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("the connection is not open");
        _insert = insert;
        _columns = columns;
        _pending = new Cell[RowsPerStatement * columns];
    }

    public void Integer(long v) => _pending[_count++] = new Cell(Kind.Integer, v, 0, null);
    public void Integer(long? v) => _pending[_count++] = v is long x ? new Cell(Kind.Integer, x, 0, null) : default;
    public void Boolean(bool v) => Integer(v ? 1 : 0);
    public void Real(double v) => _pending[_count++] = new Cell(Kind.Real, 0, v, null);
    public void Text(string? v) => _pending[_count++] = v is null ? default : new Cell(Kind.Text, 0, 0, v);

    /// <summary>A NUMERIC column's value stored as Microsoft.Data.Sqlite stores a decimal (as text, which the column's
    /// affinity turns into an integer when it is whole): a whole number directly as an integer, another as its text.</summary>
    public void Number(decimal? v)
    {
        if (v is not decimal d) _pending[_count++] = default;
        else if (d == decimal.Truncate(d) && d >= long.MinValue && d <= long.MaxValue) Integer((long)d);
        else Text(d.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Ends a row (after exactly one value per column); a full statement's rows are written.</summary>
    public void EndRow()
    {
        if (_count % _columns != 0) throw new InvalidOperationException($"a row of {_insert} needs {_columns} values");
        if (_count < _pending.Length) return;
        _full ??= Prepare(RowsPerStatement);
        Run(_full, _count);
        _count = 0;
    }

    sqlite3_stmt Prepare(int rows)
    {
        var row = "(" + string.Join(",", Enumerable.Repeat("?", _columns)) + ")";
        var sql = _insert + " VALUES " + string.Join(",", Enumerable.Repeat(row, rows));
        Check(raw.sqlite3_prepare_v2(_db, sql, out var stmt));
        return stmt;
    }

    void Run(sqlite3_stmt stmt, int count)
    {
        for (int i = 0; i < count; i++)
        {
            var c = _pending[i];
            int rc = c.Kind switch
            {
                Kind.Integer => raw.sqlite3_bind_int64(stmt, i + 1, c.Integer),
                Kind.Real => raw.sqlite3_bind_double(stmt, i + 1, c.Real),
                Kind.Text => raw.sqlite3_bind_text(stmt, i + 1, c.Text!),
                _ => raw.sqlite3_bind_null(stmt, i + 1),
            };
            Check(rc);
        }
        int step = raw.sqlite3_step(stmt);
        raw.sqlite3_reset(stmt);
        if (step != raw.SQLITE_DONE) Check(step);
    }

    void Check(int rc)
    {
        if (rc != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(rc, _db);
    }

    /// <summary>Writes the rows of the last, partial statement.</summary>
    public void Complete()
    {
        if (_count == 0) return;
        using var last = Prepare(_count / _columns);
        Run(last, _count);
        _count = 0;
    }

    public void Dispose()
    {
        _full?.Dispose();
        _full = null;
    }
}
