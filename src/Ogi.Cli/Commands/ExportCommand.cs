using System.CommandLine;
using System.Text;
using Ogi.Store;
using Ogi.Store.Answers;

namespace Ogi.Cli;

/// <summary>`ogi export --format csv|xlsx|jsonl`: the filtered reports, one row each, one column per field, Chinese headers over field ids.</summary>
public static class ExportCommand
{
    static readonly string[] Formats = ["csv", "xlsx", "jsonl", "json"];

    public static Command Create()
    {
        var filter = new FilterOptions();
        var format = new Option<string>("--format") { Description = "csv | xlsx (one sheet per table) | jsonl (json: the same)", DefaultValueFactory = _ => "csv" };
        var output = new Option<string?>("--out", "-o") { Description = "the file to write (csv and jsonl: standard output when absent; xlsx needs it)" };
        var cmd = new Command("export", "the filtered reports as a file: one row per report, one column per field, the form's Chinese labels over the field ids");
        filter.AddTo(cmd);
        cmd.Options.Add(format);
        cmd.Options.Add(output);
        cmd.SetAction(r => FilterOptions.Answer("export", () =>
        {
            var f = filter.Read(r);
            var fmt = r.GetValue(format)!.ToLowerInvariant();
            if (!Formats.Contains(fmt)) throw new AnswerException($"unknown format '{fmt}' (csv, xlsx or jsonl)");
            var path = r.GetValue(output);
            if (fmt == "xlsx" && path is null) throw new AnswerException("xlsx needs --out FILE.xlsx");
            if (path is not null && Directory.Exists(path)) throw new AnswerException($"{path} is a folder");
            using var store = StoreOpener.Open(r.GetValue(filter.Db));
            if (path is null) { Run(store.Queries, f, fmt, path); return 0; }
            // Into a file: a progress bar on stderr (the count of reports first, without their values).
            int total = store.Queries.Reports(f, []).Count();
            return ProgressDisplay.Run("export", total, progress => { Run(new CountingQueries(store.Queries, progress), f, fmt, path); return 0; }, "reports");
        }));
        return cmd;
    }

    public static void Run(IReportQueries queries, ReportFilter filter, string format, string? path)
    {
        if (path is null) { Write(queries, filter, format, Console.Out); return; }
        // Written beside its target first, so that a failed export never leaves half a file under the name asked for.
        var partial = path + ".partial";
        try
        {
            using (var file = File.Create(partial))
            {
                if (format == "xlsx") CorpusExport.WriteXlsx(queries, filter, file);
                // A CSV file starts with a byte-order mark, so that Excel reads its Chinese as UTF-8 (LibreOffice and CsvHelper skip it).
                else using (var writer = new StreamWriter(file, new UTF8Encoding(format == "csv"))) Write(queries, filter, format, writer);
            }
            File.Move(partial, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            if (File.Exists(partial)) File.Delete(partial);
            throw new AnswerException($"cannot write {path}: {e.Message.Split('\n')[0]}");
        }
    }

    static void Write(IReportQueries queries, ReportFilter filter, string format, TextWriter writer)
    {
        if (format == "csv") CorpusExport.WriteCsv(queries.Reports(filter), CorpusExport.FieldsFor(filter), writer);
        else ReportJson.WriteLines(queries.Reports(filter), writer);
        writer.Flush();
    }
}
