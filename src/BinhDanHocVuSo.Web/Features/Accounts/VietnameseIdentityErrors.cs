using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

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

/// <summary>Refuses PINs and passwords that anyone would guess first: one digit repeated, or a run such as 123456.</summary>
public sealed class GuessablePasswordValidator(IStringLocalizer<AccountText> text) : IPasswordValidator<AppUser>
{
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
        if (password.Distinct().Count() == 1)
        {
            return true;
        }
        var ascending = "01234567890123456789";
        var descending = "98765432109876543210";
        return ascending.Contains(password, StringComparison.Ordinal)
            || descending.Contains(password, StringComparison.Ordinal)
            || (phone is not null && phone.Contains(password, StringComparison.Ordinal));
    }
}
