using Microsoft.AspNetCore.Identity;
using Ogi.Store.Accounts;

namespace Ogi.Web.Security;

/// <summary>
/// Passwords as ASP.NET Core Identity hashes them (PasswordHasher: PBKDF2 with HMAC-SHA512, a random salt, 100,000
/// iterations in its v3 format), for the sign-in page and `ogi user` alike. From Microsoft.Extensions.Identity.Core,
/// part of the ASP.NET Core shared framework this project is built on (no package of its own). The store keeps only
/// the hash.
/// </summary>
public static class Passwords
{
    public const int MinLength = 8, MaxLength = 256;
    static readonly PasswordHasher<Account> Hasher = new();
    // Checked against when the name is unknown, so that a wrong name takes as long as a wrong password.
    static readonly Lazy<string> Decoy = new(() => Hasher.HashPassword(null!, Guid.NewGuid().ToString()));

    /// <summary>Why the password cannot be used, in English (the CLI's words; the pages have their own), or null.</summary>
    public static string? Problem(string password) =>
        password.Length < MinLength ? $"a password has at least {MinLength} characters"
        : password.Length > MaxLength ? $"a password has at most {MaxLength} characters"
        : null;

    public static string Hash(string password) => Hasher.HashPassword(null!, password);

    public enum Check { Wrong, Right, RightButRehash }

    /// <summary>Checks the password against the user's hash; a null user (an unknown name) is checked against a decoy and is wrong.</summary>
    public static Check Verify(Account? user, string password)
    {
        if (user is null)
        {
            Hasher.VerifyHashedPassword(null!, Decoy.Value, password);
            return Check.Wrong;
        }
        return Hasher.VerifyHashedPassword(user, user.PasswordHash, password) switch
        {
            PasswordVerificationResult.Success => Check.Right,
            PasswordVerificationResult.SuccessRehashNeeded => Check.RightButRehash,
            _ => Check.Wrong,
        };
    }
}
