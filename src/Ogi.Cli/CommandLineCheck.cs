using System.CommandLine;
using System.CommandLine.Parsing;

namespace Ogi.Cli;

/// <summary>
/// Checks a command line before anything runs, for every command alike: an unknown option (a mistyped `--jsno`
/// would otherwise be taken for a file name and the run go on in the wrong mode), an unknown command, a missing
/// argument or a bad value each give one line, with the nearest known name, and exit status 2 — never the whole help.
/// </summary>
public static class CommandLineCheck
{
    public const int UsageError = 2;

    /// <summary>The one line to print instead of running, or null when the command line is sound.</summary>
    public static string? Problem(ParseResult result)
    {
        // A sound line (every run) is checked in loops, the command's name made only for a line to print: the LINQ and
        // the name cost a cold `ogi parse FILE` about a millisecond.
        var command = result.CommandResult.Command;
        foreach (var token in result.Tokens)
        {
            if (token.Type == TokenType.DoubleDash) break; // after `--` every word is an argument, even `-file`
            if (token.Type != TokenType.Argument || !LooksLikeOption(token.Value) || IsOptionValue(result.CommandResult, token)) continue;
            return $"{Who(command)}: unknown option '{token.Value}'{Suggest(token.Value, OptionNames(command))}";
        }
        foreach (var word in result.UnmatchedTokens)
        {
            if (LooksLikeOption(word)) return $"{Who(command)}: unknown option '{word}'{Suggest(word, OptionNames(command))}";
            if (command.Subcommands.Count > 0 && !command.Arguments.Any())
                return $"{Who(command)}: unknown command '{word}'{Suggest(word, command.Subcommands.Select(c => c.Name))}; the commands: {string.Join(", ", command.Subcommands.Select(c => c.Name))}";
            return $"{Who(command)}: unexpected argument '{word}' (see {Who(command)} --help)";
        }
        if (result.Errors.Count == 0) return null;
        // A bare `ogi` shows the help: that is what one who types it wants.
        if (command is RootCommand && result.Tokens.Count == 0) return null;
        foreach (var argument in command.Arguments)
        {
            if (argument.Arity.MinimumNumberOfValues == 0) continue;
            if (result.GetResult(argument) is ArgumentResult { Tokens.Count: > 0 }) continue;
            return $"{Who(command)}: missing <{argument.Name}>: {argument.Description} (see {Who(command)} --help)";
        }
        foreach (var required in command.Options)
            if (required.Required && result.GetResult(required) is not OptionResult { IdentifierToken: not null }) return $"{Who(command)}: missing {required.Name}: {required.Description}";
        var first = result.Errors[0];
        if (first.SymbolResult is OptionResult option && option.Tokens.Count == 0)
            return $"{Who(command)}: {option.Option.Name} needs a value: {option.Option.Description}";
        if (first.SymbolResult is OptionResult { Tokens.Count: > 0 } bad)
            return $"{Who(command)}: {bad.Option.Name} takes {Kind(bad.Option.ValueType)}, not '{bad.Tokens[^1].Value}'";
        return $"{Who(command)}: {first.Message.TrimEnd('.')} (see {Who(command)} --help)";
    }

    /// <summary>Whether <paramref name="token"/> is the value of one of the command's options (`--out -x`).</summary>
    static bool IsOptionValue(CommandResult command, Token token)
    {
        foreach (var child in command.Children)
            if (child is OptionResult option)
                foreach (var value in option.Tokens)
                    if (value.Equals(token)) return true;
        return false;
    }

    static string Kind(Type type) => type == typeof(int) || type == typeof(long) ? "a whole number"
        : type == typeof(double) || type == typeof(decimal) ? "a number" : "a " + type.Name;

    static string Who(Command command)
    {
        var names = new List<string>();
        for (Command? c = command; c is not null && c is not RootCommand; c = c.Parents.OfType<Command>().FirstOrDefault()) names.Insert(0, c.Name);
        return string.Join(" ", ["ogi", .. names]);
    }

    /// <summary>`-x`, `--word`; not `-` (standard input) and not a negative number.</summary>
    static bool LooksLikeOption(string word) => word.Length > 1 && word[0] == '-' && !(char.IsAsciiDigit(word[1]) || word[1] == '.');

    static IEnumerable<string> OptionNames(Command command)
    {
        var names = new List<string>();
        for (Command? c = command; c is not null; c = c.Parents.OfType<Command>().FirstOrDefault())
            foreach (var o in c.Options)
                if (c == command || o.Recursive) names.AddRange([o.Name, .. o.Aliases]);
        return names.Where(n => n.StartsWith("--", StringComparison.Ordinal) || n.Length == 2);
    }

    static string Suggest(string word, IEnumerable<string> known)
    {
        var best = known.Distinct().Select(k => (Name: k, Distance: Distance(word.ToLowerInvariant(), k.ToLowerInvariant())))
            .OrderBy(k => k.Distance).ThenBy(k => k.Name, StringComparer.Ordinal).FirstOrDefault();
        return best.Name is not null && best.Distance <= Math.Max(2, word.Length / 3) ? $" (did you mean {best.Name}?)" : "";
    }

    /// <summary>Edits (insert, delete, substitute, swap two neighbours) from a to b.</summary>
    static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (int j = 0; j <= b.Length; j++) d[0, j] = j;
        for (int i = 1; i <= a.Length; i++)
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        return d[a.Length, b.Length];
    }
}
