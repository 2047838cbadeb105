using QRCoder;

namespace NerveSpasmGuide.Web.Linking;

public static class QrCodes
{
    /// <summary>An SVG QR code that scales with its container (medium error correction survives a smudged printout).</summary>
    public static string Svg(string url)
    {
        using var data = QRCodeGenerator.GenerateQrCode(url, QRCodeGenerator.ECCLevel.M);
        using var svg = new SvgQRCode(data);
        return svg.GetGraphic(8, "#000000", "#ffffff", drawQuietZones: true, sizingMode: SvgQRCode.SizingMode.ViewBoxAttribute);
    }

    /// <summary>The same code as a PNG, for a clinic's own letters and leaflets (word processors take PNG more readily than SVG).</summary>
    public static byte[] Png(string url)
    {
        using var data = QRCodeGenerator.GenerateQrCode(url, QRCodeGenerator.ECCLevel.M);
        using var png = new PngByteQRCode(data);
        return png.GetGraphic(10, drawQuietZones: true);
    }
}
