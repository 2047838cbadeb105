using System.Security.Cryptography;
using System.Text;

namespace NerveSpasmGuide.Data.Editorial;

/// <summary>The one way a file's text is fingerprinted for a sign-off: SHA-256 of its UTF-8 bytes, lower-case hex.</summary>
public static class ReviewedText
{
    public static string Hash(string fileText) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(fileText)));
}
