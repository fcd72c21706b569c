using System.CommandLine;
using Ogi.Store;
using Ogi.Web;

namespace Ogi.Cli;

/// <summary>`ogi serve`: the web application over the database (SQLite by default), on loopback unless told otherwise.</summary>
public static class ServeCommand
{
    public static Command Create()
    {
        var db = Database.Option();
        var urls = new Option<string>("--urls") { Description = "where to listen, separated by ';' (default http://127.0.0.1:5080: this machine only)", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var cmd = new Command("serve", "the web application: read a report with its source, explore the corpus, the JSON API (/api/docs)") { db, urls };
        cmd.SetAction(r =>
        {
            var options = new WebOptions { Db = r.GetValue(db), Urls = r.GetValue(urls)! };
            try
            {
                var app = WebApp.Build(options);
                Console.Error.WriteLine($"ogi serve: {ReportStore.Resolve(options.Db)} on {options.Urls} (Ctrl+C stops)");
                using (var store = ReportStore.Open(options.Db))
                    if (new Ogi.Store.Accounts.SqlAccountStore(store).Users().Count == 0)
                        Console.Error.WriteLine("ogi serve: no accounts yet: reading is open to all, writing needs one (ogi user add NAME --role admin)");
                app.Run();
                return 0;
            }
            catch (StoreException e) { Console.Error.WriteLine($"ogi serve: {e.Message}"); return 2; }
            catch (IOException e) { Console.Error.WriteLine($"ogi serve: cannot listen on {options.Urls}: {e.Message.Split('\n')[0]}"); return 2; }
        });
        return cmd;
    }
}
