namespace BinhDanHocVuSo.Web.Features.Accounts;

/// <summary>Marker for the account pages' strings in <c>Resources/Features/Accounts/AccountText.resx</c> (Vietnamese).</summary>
public sealed class AccountText;
