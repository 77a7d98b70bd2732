namespace BinhDanHocVuSo.Web.Features.Accounts;

/// <summary>
/// The checks the account forms share (sign-up, reset with a code, a new password): each adds its Vietnamese message from
/// <see cref="AccountText"/> to the form's errors, so that every form words the same mistake the same way.
/// </summary>
public static class AccountChecks
{
    /// <summary>The mobile number in its stored form, or null after noting that it is not one.</summary>
    public static string? Phone(string? typed, ICollection<string> errors, IStringLocalizer<AccountText> text)
    {
        var phone = PhoneNumber.Normalize(typed);
        if (phone is null)
        {
            errors.Add(text["PhoneInvalid"]);
        }
        return phone;
    }

    /// <summary>A name is given and fits the account's column (<see cref="Limits.Title"/>).</summary>
    public static bool FullName(string? name, ICollection<string> errors, IStringLocalizer<AccountText> text)
    {
        var fits = !string.IsNullOrWhiteSpace(name) && name.Trim().Length <= Limits.Title;
        if (!fits)
        {
            errors.Add(text["FullNameRequired"]);
        }
        return fits;
    }

    /// <summary>The password was typed the same way twice.</summary>
    public static bool SamePassword(string? password, string? confirmation, ICollection<string> errors, IStringLocalizer<AccountText> text)
    {
        if (password != confirmation)
        {
            errors.Add(text["PasswordsDiffer"]);
            return false;
        }
        return true;
    }
}
