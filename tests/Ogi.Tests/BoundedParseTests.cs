using Ogi.Decode;
using Ogi.Parsing;
using Xunit;

namespace Ogi.Tests;

/// <summary>A batch parsed on one long-lived thread: every outcome in order, a slow file skipped at its limit, a bad one a reason.</summary>
public class BoundedParseTests
{
    [Fact]
    public void A_file_past_its_limit_is_skipped_and_the_files_after_it_are_parsed()
    {
        var hang = new ManualResetEventSlim();
        var taken = new List<string>();
        var threads = new HashSet<int>();
        BoundedParse.RunInOrder(["a", "slow", "bad", "d"], name =>
            {
                threads.Add(Environment.CurrentManagedThreadId);
                if (name == "slow") hang.Wait();
                if (name == "bad") throw new UnreadableDocumentException("the file is empty");
                return name.ToUpperInvariant();
            }, name => TimeSpan.FromMilliseconds(name == "slow" ? 300 : 60_000),
            (name, result, error) => taken.Add($"{name}: {result ?? error}"));
        hang.Set();
        Assert.Equal(["a: A", "slow: took longer than 0 s to parse; skipped", "bad: the file is empty", "d: D"], taken);
        Assert.Equal(2, threads.Count); // the abandoned thread and the one that went on
    }

    [Fact]
    public void An_exception_of_the_taker_stops_the_run_and_is_thrown_to_the_caller()
    {
        int parsed = 0;
        var e = Assert.Throws<IOException>(() => BoundedParse.RunInOrder(["a", "b", "c"], name => { parsed++; return name; },
            _ => TimeSpan.FromSeconds(60), (name, _, _) => { if (name == "b") throw new IOException("broken pipe"); }));
        Assert.Equal("broken pipe", e.Message);
        Assert.Equal(2, parsed);
    }
}
