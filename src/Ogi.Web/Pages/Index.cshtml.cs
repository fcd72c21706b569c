using Microsoft.AspNetCore.Mvc.RazorPages;
using Ogi.Store;

namespace Ogi.Web.Pages;

public sealed class CorpusModel(SqlReportStore store) : PageModel
{
    public IReadOnlyList<ReportRecord> Reports { get; private set; } = [];
    public int Total { get; private set; }

    public void OnGet()
    {
        var all = store.Reports(new ReportFilter(), []).ToList();
        Total = all.Count;
        Reports = all.Take(50).ToList();
    }
}
