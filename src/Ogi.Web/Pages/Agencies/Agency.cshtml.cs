using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Ogi.Web.Services;

namespace Ogi.Web.Pages.Agencies;

/// <summary>An agency's series: its reports year by year with their key figures, the cross-year findings, the years
/// missing, and a chart of each figure over the years.</summary>
public sealed class AgencyModel(Corpus corpus) : PageModel
{
    public AgencySeries Series { get; private set; } = null!;

    public IActionResult OnGet(long id)
    {
        var series = corpus.Agency(id);
        if (series is null) return NotFound();
        // A merged agency's id leads to the series it joined, under that one's id.
        if (series.Agency.Id != id) return RedirectPermanent($"/agencies/{series.Agency.Id}");
        Series = series;
        return Page();
    }
}
