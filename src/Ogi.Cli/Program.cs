using System.CommandLine;
using Ogi.Cli;

// ogi: the command-line face of the parse engine. Each command lives in its own file under Commands/.
Console.OutputEncoding = System.Text.Encoding.UTF8;
var root = new RootCommand("ogi — read, check and compare China's government information-disclosure annual reports (政府信息公开工作年度报告)")
{
    ParseCommand.Create(),
    CheckCommand.Create(),
    TextCommand.Create(),
    BenchCommand.Create(),
    RenderCommand.Create(),
    SynthCommand.Create(),
    IngestCommand.Create(),
    ReparseCommand.Create(),
    AgenciesCommand.Create(),
    AgencyCommand.Create(),
    ReviewCommand.Create(),
    StoreBenchCommand.Create(),
    WebBenchCommand.Create(),
    QueryCommand.Create(),
    StatsCommand.Create(),
    CompareCommand.Create(),
    ExportCommand.Create(),
    RegisterCommand.Create(),
    CompileCommand.Create(),
    ServeCommand.Create(),
    CalendarCommand.Create(),
    RollupCommand.Create(),
    UserCommand.Create(),
};
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
