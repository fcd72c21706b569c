using System.CommandLine;
using Ogi.Cli;

// ogi: the command-line face of the parse engine. Each command lives in its own file under Commands/.
Console.OutputEncoding = System.Text.Encoding.UTF8;
var root = OgiCommands.Root(args);
try
{
    // `ogi` alone is someone asking what ogi does: the commands, not an error.
    var parsed = root.Parse(args.Length == 0 ? ["--help"] : args);
    // Checked before anything runs, for every command: one line and exit 2, not a run in the wrong mode or the whole help.
    if (CommandLineCheck.Problem(parsed) is { } problem)
    {
        Console.Error.WriteLine(problem);
        return CommandLineCheck.UsageError;
    }
    return parsed.Invoke();
}
catch (Exception e)
{
    Console.Error.WriteLine("ogi: internal error: " + e.Message.Split('\n')[0]);
    return 3;
}

namespace Ogi.Cli
{
    /// <summary>ogi's commands by name, and the root command a command line needs.</summary>
    public static class OgiCommands
    {
        /// <summary>Every command, in the order the help lists them (CommandLineTests hold each name to its command's).</summary>
        public static readonly (string Name, Func<Command> Create)[] All =
        [
            ("parse", ParseCommand.Create),
            ("check", CheckCommand.Create),
            ("text", TextCommand.Create),
            ("bench", BenchCommand.Create),
            ("render", RenderCommand.Create),
            ("synth", SynthCommand.Create),
            ("ingest", IngestCommand.Create),
            ("reparse", ReparseCommand.Create),
            ("agencies", AgenciesCommand.Create),
            ("agency", AgencyCommand.Create),
            ("review", ReviewCommand.Create),
            ("bench-store", StoreBenchCommand.Create),
            ("bench-web", WebBenchCommand.Create),
            ("query", QueryCommand.Create),
            ("stats", StatsCommand.Create),
            ("compare", CompareCommand.Create),
            ("export", ExportCommand.Create),
            ("register", RegisterCommand.Create),
            ("compile", CompileCommand.Create),
            ("serve", ServeCommand.Create),
            ("calendar", CalendarCommand.Create),
            ("rollup", RollupCommand.Create),
            ("user", UserCommand.Create),
        ];

        /// <summary>
        /// The root with only the command the first word names: building all of them cost a cold `ogi parse FILE`
        /// milliseconds (the help of `register import --map` alone loads Ogi.Office and its columns). The parser reads
        /// the words after a command among that command's own names only, so the line means the same. Anything else
        /// (`ogi`, `--help`, a mistyped command) gets every command, for the help and the nearest name.
        /// </summary>
        public static RootCommand Root(string[] args)
        {
            var root = new RootCommand("ogi — read, check and compare China's government information-disclosure annual reports (政府信息公开工作年度报告)");
            foreach (var (name, create) in All)
                if (args.Length > 0 && args[0] == name) { root.Subcommands.Add(create()); return root; }
            foreach (var (_, create) in All) root.Subcommands.Add(create());
            return root;
        }
    }
}
