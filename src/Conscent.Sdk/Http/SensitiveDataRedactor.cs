using System.Text.RegularExpressions;

namespace Conscent.Sdk.Http;

/// <summary>
/// Masks what must never reach a log, trace or exception: emails, phone numbers, JWS tokens, Basic/Bearer credentials,
/// and the client's own secrets. Used on every piece of server text the SDK repeats (error messages, body snippets).
/// An instance holds one client's secrets (the API secret, the loyalty key, the exact Authorization value), built once
/// per client from its options (<see cref="ConscentRuntime.Redactor"/>), never per error; the patterns are built once
/// per process.
/// </summary>
internal sealed class SensitiveDataRedactor
{
    private readonly string[] _secrets;

    /// <summary>The redaction for a client with these (validated) options.</summary>
    public SensitiveDataRedactor(ConscentOptions options)
    {
        var secrets = new System.Collections.Generic.List<string>(3);
        // A server (or proxy) that echoes the request could repeat the Authorization value itself: mask it whole first.
        if (!string.IsNullOrEmpty(options.ApiKey) && !string.IsNullOrEmpty(options.ApiSecret))
            secrets.Add(System.Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(options.ApiKey + ":" + options.ApiSecret)));
        if (options.ApiSecret is { Length: >= 4 } secret) secrets.Add(secret);
        if (options.Loyalty.ApiKey is { Length: >= 4 } loyaltyKey) secrets.Add(loyaltyKey);
        _secrets = secrets.ToArray();
    }

    /// <summary>Masks this client's secrets wherever they appear, then applies <see cref="Redact(string, int)"/>.</summary>
    public string RedactText(string text, int maxLength = DefaultMaxLength)
    {
        foreach (var secret in _secrets) text = text.Replace(secret, "***");
        return Redact(text, maxLength);
    }

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
}
