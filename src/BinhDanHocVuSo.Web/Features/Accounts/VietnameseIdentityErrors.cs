using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace BinhDanHocVuSo.Web.Features.Accounts;

/// <summary>Identity's validation messages in Vietnamese, from the shared resource file.</summary>
public sealed class VietnameseIdentityErrors(IStringLocalizer<AccountText> text) : IdentityErrorDescriber
{
    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), text["PhoneAlreadyRegistered"]);
    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), text["PhoneInvalid"]);
    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), text["PasswordTooShort", length]);
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Error(nameof(PasswordRequiresUniqueChars), text["PasswordTooSimple"]);
    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), text["WrongPassword"]);
    public override IdentityError InvalidToken() => Error(nameof(InvalidToken), text["ResetCodeInvalid"]);
    public override IdentityError DefaultError() => Error(nameof(DefaultError), text["ServerError"]);
    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure), text["ServerError"]);

    static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}

/// <summary>
/// Refuses PINs and passwords that anyone would guess first: one digit repeated, a run (123456, 654321), a short
/// block repeated (121212, 123123), doubled or tripled digits (112233, 111222), a mirror (123321), a year with a day,
/// month or two equal digits (199000, 201995, 051990), a full birthday, the phone number itself or a piece of it, and the common PINs of
/// <c>CommonPins.txt</c>.
/// </summary>
public sealed partial class GuessablePasswordValidator(IStringLocalizer<AccountText> text) : IPasswordValidator<AppUser>
{
    static readonly FrozenSet<string> CommonPins = LoadCommonPins();

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        if (password is null || !IsGuessable(password, user.UserName))
        {
            return Task.FromResult(IdentityResult.Success);
        }
        return Task.FromResult(IdentityResult.Failed(new IdentityError { Code = "GuessablePassword", Description = text["PasswordTooSimple"] }));
    }

    internal static bool IsGuessable(string password, string? phone)
    {
        var lower = password.ToLowerInvariant();
        if (CommonPins.Contains(lower) || password.Distinct().Count() == 1)
        {
            return true;
        }
        const string ascending = "01234567890123456789", descending = "98765432109876543210";
        if (ascending.Contains(password, StringComparison.Ordinal) || descending.Contains(password, StringComparison.Ordinal))
        {
            return true;
        }
        if (IsRepeatedBlock(lower) || IsMirror(lower) || IsEachCharacterRepeated(lower) || YearLike().IsMatch(password))
        {
            return true;
        }
        if (phone is not null && password.All(char.IsAsciiDigit))
        {
            // The number itself in any of its forms (0912…, 84912…, +84912…), or any piece of it.
            var national = phone.TrimStart('0');
            return phone.Contains(password, StringComparison.Ordinal) || password.Contains(national, StringComparison.Ordinal);
        }
        return false;
    }

    // 121212, 123123, 12341234: a block of at most half the length, repeated.
    static bool IsRepeatedBlock(string password)
    {
        for (var block = 1; block <= password.Length / 2; block++)
        {
            if (password.Length % block == 0 && Enumerable.Range(block, password.Length - block).All(i => password[i] == password[i - block]))
            {
                return true;
            }
        }
        return false;
    }

    // 123321, 100001.
    static bool IsMirror(string password) => password.SequenceEqual(password.Reverse());

    // 112233, 111222, 11223344: every character doubled (or tripled) in place.
    static bool IsEachCharacterRepeated(string password)
    {
        for (var times = 2; times <= 3; times++)
        {
            if (password.Length % times == 0
                && Enumerable.Range(0, password.Length).All(i => password[i] == password[i - i % times]))
            {
                return true;
            }
        }
        return false;
    }

    // A year 19xx/20xx with a day or month before or after it (201995, 051990, 199005), or two equal digits (199000, 001990);
    // a birthday written in full (15081990).
    [GeneratedRegex(@"^(?:(?:0[1-9]|[12]\d|3[01])(?:19|20)\d\d|(?:19|20)\d\d(?:0[1-9]|[12]\d|3[01])|(?:19|20)\d\d(\d)\1|(\d)\2(?:19|20)\d\d|(?:0[1-9]|[12]\d|3[01])(?:0[1-9]|1[0-2])(?:19|20)\d\d)$")]
    private static partial Regex YearLike();

    static FrozenSet<string> LoadCommonPins()
    {
        using var stream = typeof(GuessablePasswordValidator).Assembly.GetManifestResourceStream("BinhDanHocVuSo.Web.Features.Accounts.CommonPins.txt")
            ?? throw new InvalidOperationException("CommonPins.txt is not embedded in the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n').Select(line => line.Trim().ToLowerInvariant())
            .Where(line => line.Length > 0 && !line.StartsWith('#')).ToFrozenSet(StringComparer.Ordinal);
    }
}
