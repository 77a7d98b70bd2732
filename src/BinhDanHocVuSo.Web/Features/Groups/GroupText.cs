namespace BinhDanHocVuSo.Web.Features.Groups;

/// <summary>Marker for the group pages' strings in <c>Resources/Features/Groups/GroupText.resx</c> (Vietnamese).</summary>
public sealed class GroupText;
