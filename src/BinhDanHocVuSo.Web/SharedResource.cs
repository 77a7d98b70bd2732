namespace BinhDanHocVuSo.Web;

/// <summary>Marker for the shared user-facing strings in <c>Resources/SharedResource.resx</c> (Vietnamese).</summary>
public sealed class SharedResource;
