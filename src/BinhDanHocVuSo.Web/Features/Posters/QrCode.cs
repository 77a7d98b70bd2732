using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using QRCoder;

namespace BinhDanHocVuSo.Web.Features.Posters;

/// <summary>QR codes as inline SVG, drawn on the server: no script, no image request, sharp at any print size.</summary>
public static class QrCode
{
    // The page's own encoder setting (all of Unicode left as it is): HtmlEncoder.Default would write "Quét mã" as "Qu&#xE9;t m&#xE3;".
    static readonly HtmlEncoder Encoder = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    /// <summary>An SVG QR code of <paramref name="text"/>; <paramref name="label"/> is what a screen reader says.</summary>
    public static HtmlString Svg(string text, string label)
    {
        var (size, path) = Draw(text);
        return new HtmlString(
            $"<svg class=\"qr\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {size} {size}\" role=\"img\" aria-label=\"{Encoder.Encode(label)}\" shape-rendering=\"crispEdges\">"
            + $"<rect width=\"{size}\" height=\"{size}\" fill=\"#fff\"/><path fill=\"#000\" d=\"{path}\"/></svg>");
    }

    /// <summary>
    /// The dark modules of the code, quiet zone included, as one path of horizontal runs. Level Q survives a
    /// quarter of the poster being torn, creased or dirty, and the short addresses still fit a small code.
    /// </summary>
    internal static (int Size, string Path) Draw(string text)
    {
        using var data = QRCodeGenerator.GenerateQrCode(text, QRCodeGenerator.ECCLevel.Q);
        var rows = data.ModuleMatrix;
        var path = new StringBuilder();
        for (var y = 0; y < rows.Count; y++)
        {
            for (var x = 0; x < rows[y].Length; x++)
            {
                if (!rows[y][x])
                {
                    continue;
                }
                var start = x;
                while (x + 1 < rows[y].Length && rows[y][x + 1])
                {
                    x++;
                }
                path.Append($"M{start} {y}h{x - start + 1}v1H{start}z");
            }
        }
        return (rows.Count, path.ToString());
    }
}
