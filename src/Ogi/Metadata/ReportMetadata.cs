namespace Ogi.Metadata;

public sealed record ContactDetails(string? Phone, string? Fax, string? Address, string? Postcode, string? Email);

public sealed record ReportMetadata(string? Title, string? Agency, int? Year, DateOnly? Published, ContactDetails? Contact, bool LooksLikeAnnualReport);
