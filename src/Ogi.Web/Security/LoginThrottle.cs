using System.Net;
using System.Threading.RateLimiting;

namespace Ogi.Web.Security;

/// <summary>
/// Sign-in attempts limited per address and name (a fixed window: WebOptions.LoginAttemptsPerMinute a minute, 5 by
/// default), with ASP.NET Core's rate limiter (System.Threading.RateLimiting). Counted in the login page's POST, after
/// its form is read, so that only attempts count and the refusal is the page itself, in the visitor's language, with
/// status 429 and Retry-After.
/// </summary>
public sealed class LoginThrottle(WebOptions options) : IDisposable
{
    readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(key =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.LoginAttemptsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0, AutoReplenishment = true,
        }));

    /// <summary>Takes one attempt; null when it is allowed, else how long to wait.</summary>
    public TimeSpan? Attempt(IPAddress? address, string name)
    {
        using var lease = _limiter.AttemptAcquire($"{address}\n{name.Trim().ToLowerInvariant()}");
        if (lease.IsAcquired) return null;
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
    }

    public void Dispose() => _limiter.Dispose();
}
