namespace BinhDanHocVuSo.Web.Features.Visits;

/// <summary>Marker for the visit pages' strings in <c>Resources/Features/Visits/VisitText.resx</c> (Vietnamese).</summary>
public sealed class VisitText;
