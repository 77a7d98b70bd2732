namespace BinhDanHocVuSo.Web.Features.Accounts;

/// <summary>
/// The one-time passwords the platform hands out (import login cards, create-admin): 8 random digits, drawn again
/// when the password rules would refuse them (a date, a mirror, a piece of the phone number…), so that creating the
/// account never fails on its own password.
/// </summary>
public static class TemporaryPassword
{
    public static string New(string phone)
    {
        while (true)
        {
            var password = RandomNumberGenerator.GetInt32(10_000_000, 100_000_000).ToString(CultureInfo.InvariantCulture);
            if (!GuessablePasswordValidator.IsGuessable(password, phone))
            {
                return password;
            }
        }
    }
}
