using System.Text.RegularExpressions;

namespace Conscent.Sdk.Http;

/// <summary>
/// Masks what must never reach a log, trace or exception: emails, phone numbers, JWS tokens, Basic/Bearer credentials.
/// Used on every piece of server text the SDK repeats (error messages, body snippets).
/// </summary>
internal static class SensitiveDataRedactor
{
    private const int DefaultMaxLength = 200;

    private static readonly Regex Email = new(@"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}", RegexOptions.Compiled | RegexOptions.CultureInvariant, System.TimeSpan.FromMilliseconds(100));
    private static readonly Regex Jws = new(@"eyJ[A-Za-z0-9_\-]*\.[A-Za-z0-9_\-]*\.[A-Za-z0-9_\-]*", RegexOptions.Compiled | RegexOptions.CultureInvariant, System.TimeSpan.FromMilliseconds(100));
    private static readonly Regex Credential = new(@"(?i)\b(basic|bearer)\s+[A-Za-z0-9+/=._\-]{8,}", RegexOptions.Compiled | RegexOptions.CultureInvariant, System.TimeSpan.FromMilliseconds(100));
    // 7+ digits, optionally with a leading + and separators: phone numbers (and long numeric ids, which are masked too).
    private static readonly Regex Phone = new(@"\+?\d[\d \-()]{5,}\d", RegexOptions.Compiled | RegexOptions.CultureInvariant, System.TimeSpan.FromMilliseconds(100));

    /// <summary>Masks sensitive values and cuts the text to <paramref name="maxLength"/> characters.</summary>
    public static string Redact(string text, int maxLength = DefaultMaxLength)
    {
        if (string.IsNullOrEmpty(text)) return text;
        if (text.Length > maxLength * 4) text = text.Substring(0, maxLength * 4);
        try
        {
            text = Credential.Replace(text, m => m.Groups[1].Value + " ***");
            text = Jws.Replace(text, "***token***");
            text = Email.Replace(text, "***@***");
            text = Phone.Replace(text, "***");
        }
        catch (RegexMatchTimeoutException)
        {
            return "(unreadable text withheld)";
        }
        text = StripControlCharacters(text).Trim();
        return text.Length <= maxLength ? text : text.Substring(0, maxLength) + "…";
    }

    // Binary garbage and line breaks would forge or break log lines.
    private static string StripControlCharacters(string text)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
            if (char.IsControl(chars[i]) || chars[i] == '\uFFFD') chars[i] = ' ';
        return new string(chars);
    }

    /// <summary>Masks a known secret wherever it appears, then applies <see cref="Redact(string, int)"/>.</summary>
    public static string Redact(string text, string? secret, string? secret2, int maxLength = DefaultMaxLength)
    {
        if (!string.IsNullOrEmpty(secret) && secret!.Length >= 4) text = text.Replace(secret, "***");
        if (!string.IsNullOrEmpty(secret2) && secret2!.Length >= 4) text = text.Replace(secret2, "***");
        return Redact(text, maxLength);
    }
}
