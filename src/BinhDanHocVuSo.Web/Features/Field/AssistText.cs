namespace BinhDanHocVuSo.Web.Features.Field;

/// <summary>Marker for the "Hướng dẫn tại nhà" strings in <c>Resources/Features/Field/AssistText.resx</c> (Vietnamese).</summary>
public sealed class AssistText;
