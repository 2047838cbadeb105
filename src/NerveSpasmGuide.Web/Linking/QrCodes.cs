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
}
